import type { FormatterModule } from 'i18next';
import { localeOf } from './locales';

const made = new Map<string, Intl.NumberFormat>();

/**
 * Numbers put into messages as they are ({{count}}, {{year}}) come out in the language's digits:
 * "٣ مجموعات" in Arabic rather than "3 مجموعات". No grouping, so a year stays a year (2025, ٢٠٢٥);
 * figures that need grouping arrive already formatted (format.ts).
 */
export const figureFormatter: FormatterModule = {
  type: 'formatter',
  init() {},
  add() {},
  addCached() {},
  format(value, _format, language) {
    if (typeof value !== 'number') return value;
    const locale = localeOf(language ?? 'en');
    let number = made.get(locale);
    if (!number) {
      number = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 3 });
      made.set(locale, number);
    }
    return number.format(value);
  },
};
