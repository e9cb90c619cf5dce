export interface GroupYearFigures {
  year: number;
  actions: number;
  reports: number;
  firstReportedAt: string | null;
  lastReportedAt: string | null;
}

/**
 * A group's figures for every campaign year from its first report to `lastYear` (the campaign
 * shown), years without reports at zero, so the chart shows a year missed as a gap, not as nothing.
 * Only years that had a campaign are listed; years after `lastYear` are left out.
 */
export function everyYear(
  years: readonly GroupYearFigures[],
  campaignYears: readonly number[],
  lastYear: number,
): GroupYearFigures[] {
  const byYear = new Map(years.map((y) => [y.year, y]));
  const first = Math.min(...years.map((y) => y.year));
  return [...campaignYears]
    .filter((year) => year >= first && year <= lastYear)
    .sort((a, b) => a - b)
    .map((year) => byYear.get(year) ?? { year, actions: 0, reports: 0, firstReportedAt: null, lastReportedAt: null });
}

/** When the group first and last reported, over all its years (ISO date-times), or null. */
export function reportSpan(years: readonly GroupYearFigures[]): { first: string; last: string } | null {
  const firsts = years.map((y) => y.firstReportedAt).filter((d): d is string => d !== null).sort();
  const lasts = years.map((y) => y.lastReportedAt).filter((d): d is string => d !== null).sort();
  return firsts.length && lasts.length ? { first: firsts[0], last: lasts.at(-1)! } : null;
}
