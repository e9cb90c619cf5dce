// Comparing at the same day: the one place "versus last year" and "versus another year" are
// computed, for every page that shows one (the overview's headline and chart, the trends table).

import { addDays, daysBetween } from '../../common/dates';
import type { ImpactFilter } from './impact-filter.input';

interface CampaignDates {
  year: number;
  writingStarts: string;
}

/**
 * How much larger `current` is than `before`, as a ratio (0.08 is 8 % more); null when there is
 * nothing to compare with (no figure, or 0: any change from nothing is infinite).
 */
export function relativeChange(current: number, before: number | null | undefined): number | null {
  if (before === null || before === undefined || before === 0) return null;
  return (current - before) / before;
}

/**
 * The previous campaign's filter for comparing with `filter` at `campaignDay`: its year, the same
 * area and type filters, dates moved to the same campaign days, and nothing after `campaignDay`.
 * Null when no such comparison exists: a case belongs to one campaign only.
 */
export function sameDayLastYearFilter(
  filter: ImpactFilter,
  current: CampaignDates,
  previous: CampaignDates,
  campaignDay: number,
): ImpactFilter | null {
  if (filter.caseIds?.length || filter.caseCountries?.length) return null;
  const shift = (date: string) => addDays(previous.writingStarts, daysBetween(current.writingStarts, date));
  const sameDay = addDays(previous.writingStarts, campaignDay);
  const to = filter.to && shift(filter.to) < sameDay ? shift(filter.to) : sameDay;
  return { ...filter, year: previous.year, from: filter.from ? shift(filter.from) : undefined, to };
}

interface Point {
  day: number;
  date: string;
  cumulative: number;
}

/** The cumulative total of a series on a day, carrying the last value forward (0 before the first). */
export function valueAtDay(points: readonly { day: number; cumulative: number }[], day: number): number {
  let value = 0;
  for (const point of [...points].sort((a, b) => a.day - b.day)) {
    if (point.day > day) break;
    value = point.cumulative;
  }
  return value;
}

export interface SameDayRow {
  year: number;
  /** That year's date on the day (also past its last report); null for a year with no reports at all. */
  date: string | null;
  /** Cumulative actions by the day; null for a year with no reports at all. */
  actions: number | null;
  /** (base − this) / this: 0.08 means the base year is 8 % ahead of this one; null for the base itself. */
  baseVsThis: number | null;
}

/** Each year's cumulative total at `day` and the base year against it, newest first. */
export function sameDayRows(series: readonly { year: number; points: readonly Point[] }[], baseYear: number, day: number): SameDayRow[] {
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

/** The last day the base year has a figure for (its "today", or its last report); null without data. */
export function lastDayWithData(points: readonly { day: number }[]): number | null {
  return points.length === 0 ? null : Math.max(...points.map((p) => p.day));
}
