// Pure shaping of year series (`yearComparison`) for the cumulative chart and its table.
// No React and no recharts here: pages import it eagerly and unit tests call it directly.

export interface CumulativePoint {
  day: number;
  cumulative: number;
}

export interface CumulativeSeries {
  year: number;
  points: readonly CumulativePoint[];
}

/** One row per day: `{ day, 2024: 12345, 2025: 13456 }`; null where a line stops. */
export type CumulativeRow = { day: number } & { [year: number]: number | null };

/**
 * One row per day, from day 0 (or the earliest day with a report, if earlier) to the last day of any
 * series. Days without a point carry the last value forward; days before a series' first point are
 * 0 (nothing reported yet). A finished campaign carries its final total to the end; the running one
 * (`runningYear`) stops at its last point, "today", instead of running flat through days that have
 * not happened. A year with no points at all gets no values: nothing to draw.
 */
export function buildCumulativeRows(
  series: readonly CumulativeSeries[],
  { runningYear = null }: { runningYear?: number | null } = {},
): CumulativeRow[] {
  const drawn = series.filter((s) => s.points.length > 0).map((s) => ({ year: s.year, points: sortedByDay(s.points) }));
  if (drawn.length === 0) return [];
  const firstDay = Math.min(0, ...drawn.map((s) => s.points[0].day));
  const lastDay = Math.max(...drawn.map((s) => s.points.at(-1)!.day));

  const rows: CumulativeRow[] = [];
  for (let day = firstDay; day <= lastDay; day += 1) rows.push({ day });
  for (const { year, points } of drawn) {
    const until = year === runningYear ? points.at(-1)!.day : lastDay;
    let next = 0;
    let value = 0;
    for (const row of rows) {
      while (next < points.length && points[next].day <= row.day) {
        value = points[next].cumulative;
        next += 1;
      }
      row[year] = row.day <= until ? value : null;
    }
  }
  return rows;
}

/** The cumulative total of a series on a day, carrying the last value forward (0 before the first). */
export function valueAtDay(points: readonly CumulativePoint[], day: number): number {
  let value = 0;
  for (const point of sortedByDay(points)) {
    if (point.day > day) break;
    value = point.cumulative;
  }
  return value;
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

/** The largest value drawn, so the value axis can take it (and a goal) into account. */
export function maxRowValue(rows: readonly CumulativeRow[], years: readonly number[]): number {
  let max = 0;
  for (const row of rows) {
    for (const year of years) max = Math.max(max, row[year] ?? 0);
  }
  return max;
}

function sortedByDay<P extends CumulativePoint>(points: readonly P[]): readonly P[] {
  for (let i = 1; i < points.length; i += 1) {
    if (points[i].day < points[i - 1].day) return [...points].sort((a, b) => a.day - b.day);
  }
  return points;
}
