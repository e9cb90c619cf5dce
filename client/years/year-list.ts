// A list of campaign years in the address (`?years=2019,2023,2025`). Anything that is not a year
// with a campaign is dropped; what is left is sorted, newest first, without repeats.

/** The years named by `raw` that are in `available`; null when `raw` is absent or names none. */
export function parseYearList(raw: string | null, available: readonly number[]): number[] | null {
  if (raw === null) return null;
  const years = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => /^\d{4}$/.test(part))
    .map(Number)
    .filter((year) => available.includes(year));
  const unique = [...new Set(years)].sort((a, b) => b - a);
  return unique.length > 0 ? unique : null;
}

/** The address form of a list of years: newest first, comma separated. */
export function writeYearList(years: readonly number[]): string {
  return [...new Set(years)].sort((a, b) => b - a).join(',');
}

/** `years` with `year` added or taken out. */
export function toggleYear(years: readonly number[], year: number, on: boolean): number[] {
  const rest = years.filter((y) => y !== year);
  return (on ? [...rest, year] : rest).sort((a, b) => b - a);
}
