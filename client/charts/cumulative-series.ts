// Pure shaping of the year comparison for the cumulative chart, its text summary and its table.
// No React and no recharts here: the page imports it eagerly and unit tests call it directly.

export interface CumulativePoint {
  day: number;
  cumulative: number;
}

export interface CumulativeSeries {
  year: number;
  points: readonly CumulativePoint[];
}

/** One row per campaign day: `{ day, 2024: 12345, 2025: 13456 }`; null where the line stops. */
export type CumulativeRow = { day: number } & { [year: number]: number | null };

export interface RowOptions {
  /**
   * Whether the current campaign is over (past its reporting deadline). A running campaign's line
   * stops at its last point, "today", instead of running flat through days that have not happened;
   * a finished one carries its final total to the end, like the previous year.
   */
  currentFinished?: boolean;
}

/**
 * Turns the current and previous year's series into chart rows, one per day from day 0 (or the
 * earliest day with a report, if that is earlier) to the last day of either series.
 *
 * Days without a point carry the last value forward, and days before a series' first point are 0
 * (nothing reported yet). The previous year is finished, so it carries its final total to the end;
 * the current year does too only when `currentFinished`.
 */
export function buildCumulativeRows(
  current: CumulativeSeries,
  previous: CumulativeSeries | null,
  { currentFinished = false }: RowOptions = {},
): CumulativeRow[] {
  const currentPoints = sortedByDay(current.points);
  const previousPoints = previous ? sortedByDay(previous.points) : [];
  if (currentPoints.length === 0 && previousPoints.length === 0) return [];

  const days = [...currentPoints, ...previousPoints].map((point) => point.day);
  const firstDay = Math.min(0, ...days);
  const lastDay = Math.max(...days);
  const currentLastDay = currentFinished ? lastDay : currentPoints.at(-1)?.day;

  const currentValues = carriedForward(currentPoints, firstDay, lastDay);
  const previousValues = previous ? carriedForward(previousPoints, firstDay, lastDay) : null;

  const rows: CumulativeRow[] = [];
  for (let day = firstDay; day <= lastDay; day += 1) {
    const row: CumulativeRow = { day };
    const index = day - firstDay;
    if (previous && previousValues) row[previous.year] = previousValues[index];
    row[current.year] = currentLastDay !== undefined && day <= currentLastDay ? currentValues[index] : null;
    rows.push(row);
  }
  return rows;
}

/**
 * The one-line text alternative of the chart, for example
 * "2025: 289,067 actions by day 88, 8% more than 2024 at the same day (268,565)."
 */
export function summarizeComparison(
  current: CumulativeSeries,
  previous: CumulativeSeries | null,
  locale = 'en',
): string {
  const count = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const currentPoints = sortedByDay(current.points);
  const last = currentPoints.at(-1);
  if (!last) return `${current.year}: no actions reported yet.`;

  const head = `${current.year}: ${count.format(last.cumulative)} ${plural(last.cumulative, 'action')} by day ${last.day}`;
  const previousPoints = previous ? sortedByDay(previous.points) : [];
  if (!previous || previousPoints.length === 0) {
    return `${head}; no data for ${current.year - 1} to compare.`;
  }

  const before = valueAtDay(previousPoints, last.day);
  if (before === 0) return `${head}; ${previous.year} had no actions by the same day.`;
  const change = last.cumulative / before - 1;
  const rounded = percent.format(Math.abs(change));
  const comparison =
    rounded === percent.format(0)
      ? `about the same as ${previous.year}`
      : `${rounded} ${change > 0 ? 'more' : 'fewer'} than ${previous.year}`;
  return `${head}, ${comparison} at the same day (${count.format(before)}).`;
}

/**
 * Round ticks for the value axis from 0 to at least `max`: about `count` steps of 1, 2, 2.5 or 5
 * times a power of ten (0, 50K, 100K... rather than 0, 65K, 130K...).
 */
export function valueAxisTicks(max: number, count = 6): number[] {
  if (!(max > 0)) return [0];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const step = Math.max(1, nice); // counts are whole numbers
  const steps = Math.ceil(max / step);
  return Array.from({ length: steps + 1 }, (_, i) => i * step);
}

/** The largest value drawn, so the value axis can take it (and the goal) into account. */
export function maxRowValue(rows: readonly CumulativeRow[], years: readonly number[]): number {
  let max = 0;
  for (const row of rows) {
    for (const year of years) max = Math.max(max, row[year] ?? 0);
  }
  return max;
}

/** The cumulative total of a series on a campaign day, carrying the last value forward. */
export function valueAtDay(points: readonly CumulativePoint[], day: number): number {
  let value = 0;
  for (const point of sortedByDay(points)) {
    if (point.day > day) break;
    value = point.cumulative;
  }
  return value;
}

function carriedForward(points: readonly CumulativePoint[], firstDay: number, lastDay: number): number[] {
  const values: number[] = [];
  let next = 0;
  let value = 0;
  for (let day = firstDay; day <= lastDay; day += 1) {
    while (next < points.length && points[next].day <= day) {
      value = points[next].cumulative;
      next += 1;
    }
    values.push(value);
  }
  return values;
}

function sortedByDay(points: readonly CumulativePoint[]): readonly CumulativePoint[] {
  for (let i = 1; i < points.length; i += 1) {
    if (points[i].day < points[i - 1].day) return [...points].sort((a, b) => a.day - b.day);
  }
  return points;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
