// The same-day table of the trends page: each year's cumulative total at one day, and how the base
// year compares with each. Pure, unit-tested; the page only draws it.

import { valueAtDay, type CumulativeSeries } from '../../charts/cumulative-series';
import { relativeChange } from '../../charts/relative-change';
import { addDays } from '../../dates';

export interface DatedPoint {
  day: number;
  date: string;
  cumulative: number;
}

export interface DatedSeries extends CumulativeSeries {
  points: readonly DatedPoint[];
}

export interface SameDayRow {
  year: number;
  /** That year's date on the day (also past its last report); null for a year with no reports at all. */
  date: string | null;
  /** Cumulative actions by the day; null for a year with no reports at all. */
  actions: number | null;
  /** (base − this) / this: "+8 %" means the base year is 8 % ahead of this one; null for the base itself. */
  baseVsThis: number | null;
}

/** One row per year, newest first, at `day`. */
export function sameDayTable(series: readonly DatedSeries[], baseYear: number, day: number): SameDayRow[] {
  const base = series.find((s) => s.year === baseYear);
  const baseValue = base && base.points.length > 0 ? valueAtDay(base.points, day) : null;
  return [...series]
    .sort((a, b) => b.year - a.year)
    .map((s) => {
      const actions = s.points.length > 0 ? valueAtDay(s.points, day) : null;
      return {
        year: s.year,
        date: s.points.length > 0 ? addDays(s.points[0].date, day - s.points[0].day) : null,
        actions,
        baseVsThis: s.year === baseYear || baseValue === null || actions === null ? null : relativeChange(baseValue, actions),
      };
    });
}

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
