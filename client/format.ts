// The page is written in (British) English, so figures and dates follow it whatever the browser's
// locale: 289,067 and 20 Nov 2025.
const LOCALE = 'en-GB';

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', maximumFractionDigits: 0 });
const longDate = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export const formatCount = (n: number): string => integer.format(n);
export const formatCompact = (n: number): string => compact.format(n);
export const formatPercent = (ratio: number): string => percent.format(ratio);

/** A `Date` scalar (YYYY-MM-DD) as "20 Nov 2025"; read as UTC so no time zone shifts the day. */
export const formatDate = (date: string): string => longDate.format(new Date(`${date}T00:00:00Z`));

const signed = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
/** A change with its sign always written, so it reads without colour: "+1,234", "−56" (a true minus), "0". */
export const formatChange = (n: number): string => signed.format(n).replace('-', '\u2212');

// In the reader's own time zone, named, since staff work across time zones: "22 Nov 2026, 14:05 CET".
const dateTime = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});
/** A `DateTime` scalar (ISO 8601) as "22 Nov 2026, 14:05 CET". */
export const formatDateTime = (iso: string): string => dateTime.format(new Date(iso));

const regionNames = new Intl.DisplayNames(LOCALE, { type: 'region', fallback: 'code' });
/** An ISO 3166-1 alpha-2 code as a country's name ("MG" → "Madagascar"); the code itself when unknown. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code; // not a well-formed region code
  }
}
