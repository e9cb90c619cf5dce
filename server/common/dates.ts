const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return false;
  return month !== 2 || day < 29 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2025-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  return m !== null && isRealDate(+m[1], +m[2], +m[3]);
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2})(?::?(\d{2}))?)$/i;

/**
 * An ISO 8601 timestamp that carries its offset (Z or ±hh[:mm]), checked without building a Date:
 * imports check millions of them. PostgreSQL reads the text as it is.
 */
export function isTimestampWithOffset(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  return (
    m !== null &&
    isRealDate(+m[1], +m[2], +m[3]) &&
    +m[4] < 24 &&
    +m[5] < 60 &&
    +(m[6] ?? 0) < 60 &&
    +(m[7] ?? 0) <= 14 &&
    +(m[8] ?? 0) < 60
  );
}

// Calendar dates as the schema's `Date` scalar writes them (YYYY-MM-DD), read at UTC so that no
// time zone moves a day. The dashboard uses these too (client/dates.ts).

const DAY_MS = 86_400_000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** A date moved by whole days: addDays('2024-12-30', 3) is '2025-01-02'. */
export function addDays(date: string, days: number): string {
  return new Date(utc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}
