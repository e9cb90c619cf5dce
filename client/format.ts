import { currentLanguage } from './i18n/i18n';
import { LOCALES } from './i18n/locales';
import { REGION_NAMES } from './i18n/region-names';

// Figures and dates follow the interface language: 289,067 and 20 Nov 2025 in English (British
// usage), 289.067 and 20 nov 2025 in Spanish, 289 067 and 20 nov. 2025 in French, ٢٨٩٬٠٦٧ and
// ٢٠ نوفمبر ٢٠٢٥ in Arabic. Formatters are made once per language and kind.

interface Formatters {
  integer: Intl.NumberFormat;
  year: Intl.NumberFormat;
  compact: Intl.NumberFormat;
  percent: Intl.NumberFormat;
  signed: Intl.NumberFormat;
  longDate: Intl.DateTimeFormat;
  shortDate: Intl.DateTimeFormat;
  dateTime: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
  regionNames: Intl.DisplayNames;
}

// Each formatter is made when first asked for, in the language then chosen: making one loads that
// locale's data (time zone names, every region's name), and a page needs only a few of them.
const MAKE: { [K in keyof Formatters]: (locale: string) => Formatters[K] } = {
  integer: (locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: 'always' }),
  year: (locale) => new Intl.NumberFormat(locale, { useGrouping: false }),
  compact: (locale) => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }),
  percent: (locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
  signed: (locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero', useGrouping: 'always' }),
  longDate: (locale) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
  shortDate: (locale) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  // In the reader's own time zone, named, since staff work across time zones.
  dateTime: (locale) => new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }),
  time: (locale) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
  regionNames: (locale) => new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' }),
};

const made = new Map<string, Partial<Formatters>>();

function formatter<K extends keyof Formatters>(kind: K): Formatters[K] {
  const locale = LOCALES[currentLanguage()];
  let mine = made.get(locale);
  if (!mine) made.set(locale, (mine = {}));
  return (mine[kind] ??= MAKE[kind](locale));
}

export const formatCount = (n: number): string => formatter('integer').format(n);
/** Items in a row, with the language's comma: "2024, 2023", "٢٠٢٤، ٢٠٢٣". */
export const formatList = (items: readonly string[]): string => items.join(currentLanguage() === 'ar' ? '، ' : ', ');

/** A year in the language's digits, never grouped: "2025", "٢٠٢٥". */
export const formatYear = (year: number): string => formatter('year').format(year);
export const formatCompact = (n: number): string => formatter('compact').format(n);
export const formatPercent = (ratio: number): string => formatter('percent').format(ratio);

/** A change as a signed percent, so it reads without colour: "+8 %", "−3 %" (a true minus), "0 %". */
export function formatSignedPercent(ratio: number): string {
  const rounded = formatPercent(Math.abs(ratio));
  if (rounded === formatPercent(0)) return rounded;
  return `${ratio > 0 ? '+' : '\u2212'}${rounded}`;
}

/** A `Date` scalar (YYYY-MM-DD) as "20 Nov 2025"; read as UTC so no time zone shifts the day. */
export const formatDate = (date: string): string => formatter('longDate').format(new Date(`${date}T00:00:00Z`));
/** A `Date` scalar without its year: "20 Nov". */
export const formatShortDate = (date: string): string => formatter('shortDate').format(new Date(`${date}T00:00:00Z`));

/** A change with its sign always written, so it reads without colour: "+1,234", "−56" (a true minus), "0". */
export const formatChange = (n: number): string => formatter('signed').format(n).replace('-', '\u2212');

/** A `DateTime` scalar (ISO 8601) as "22 Nov 2026, 14:05 CET". */
export const formatDateTime = (iso: string): string => formatter('dateTime').format(new Date(iso));
/** The time of day of a `DateTime`, to the second: "14:05:09". */
export const formatTime = (iso: string): string => formatter('time').format(new Date(iso));

/** A region as the reader's language names it ("Americas" → "Amériques"); a region it does not know, as stored. */
export function regionName(region: string): string {
  const language = currentLanguage();
  return language === 'en' ? region : (REGION_NAMES[language][region] ?? region);
}

/** An ISO 3166-1 alpha-2 code as a country's name ("MG" → "Madagascar"); the code itself when unknown. */
export function countryName(code: string): string {
  try {
    return formatter('regionNames').of(code) ?? code;
  } catch {
    return code; // not a well-formed region code
  }
}
