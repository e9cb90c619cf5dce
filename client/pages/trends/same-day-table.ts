// The day the trends page's same-day table stands at, and the days a reader may pick. Pure,
// unit-tested; the table's figures and changes come from the server (sameDayComparison).

import type { CumulativeSeries } from '../../charts/cumulative-series';

/**
 * The day the table stands at when the reader has not chosen one: today's day of the base year while
 * its campaign runs, else the last day with data (a finished campaign, or no report yet today).
 * Null when the base year has no data.
 */
export function defaultAsOfDay(base: CumulativeSeries | undefined, todayDay: number): number | null {
  const points = base?.points ?? [];
  if (points.length === 0) return null;
  const first = Math.min(...points.map((p) => p.day));
  const last = Math.max(...points.map((p) => p.day));
  return Math.max(first, Math.min(todayDay, last));
}

/** The days a reader may pick: from the earliest to the latest day of any series; null without data. */
export function dayRange(series: readonly CumulativeSeries[]): { first: number; last: number } | null {
  const days = series.flatMap((s) => s.points.map((p) => p.day));
  if (days.length === 0) return null;
  return { first: Math.min(...days), last: Math.max(...days) };
}
