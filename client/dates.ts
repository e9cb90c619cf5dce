// Calendar dates as the schema's `Date` scalar writes them (YYYY-MM-DD), read at UTC so that no
// time zone moves a day.

const DAY_MS = 86_400_000;
const parse = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** A date moved by whole days: addDays('2024-12-30', 3) is '2025-01-02'. */
export function addDays(date: string, days: number): string {
  return new Date(parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to) - parse(from)) / DAY_MS);
}
