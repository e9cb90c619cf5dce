import { localeOf } from '../../i18n/locales';

/** A file size for people: "812 kB", "2.6 MB" (decimal units, as file managers show them). Pure. */
export function formatFileSize(bytes: number, language: string): string {
  const locale = localeOf(language);
  if (bytes < 1e3) return `${new Intl.NumberFormat(locale).format(bytes)} B`; // "byte" is spelt out otherwise
  const [value, unit] = bytes >= 1e9 ? [bytes / 1e9, 'gigabyte'] : bytes >= 1e6 ? [bytes / 1e6, 'megabyte'] : [bytes / 1e3, 'kilobyte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
