import { localeOf } from '../../i18n/locales';

/** Months with one decimal in the reader's language ("6.4", "6,4"): format.ts has no decimal format. */
export function formatMonths(months: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(months);
}
