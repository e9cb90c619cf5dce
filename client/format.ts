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
