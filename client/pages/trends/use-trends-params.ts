import { useEffect } from 'react';
import type { Alignment } from '../../gql/graphql';
import { useSearchParam } from '../../url-state';
import { parseYearList, toggleYear, writeYearList } from '../../years/year-list';

/**
 * The trends page's own parameters: `years=2025,2023,2019` (the years compared; the base year and
 * the two before it when absent), `align=calendar` (campaign day when absent) and `day=12` (the
 * same-day table's day; a default when absent). Malformed values are dropped from the address.
 */
export function useTrendsParams(available: readonly number[] | null, baseYear: number | null) {
  const [rawYears, setYears] = useSearchParam('years');
  const [rawAlign, setAlign] = useSearchParam('align');
  const [rawDay, setDay] = useSearchParam('day');

  const parsed = available ? parseYearList(rawYears, available) : null;
  const cleanYears = parsed ? writeYearList(parsed) : null;
  const alignOk = rawAlign === null || rawAlign === 'calendar';
  const dayOk = rawDay === null || /^-?\d{1,3}$/.test(rawDay);
  useEffect(() => {
    if (available && rawYears !== null && rawYears !== cleanYears) setYears(cleanYears, 'replace');
    if (!alignOk) setAlign(null, 'replace');
    if (!dayOk) setDay(null, 'replace');
  }, [available, rawYears, cleanYears, alignOk, dayOk, setYears, setAlign, setDay]);

  const defaultYears = baseYear === null ? [] : (available ?? []).filter((y) => y <= baseYear && y >= baseYear - 2);
  const chosen = parsed ?? defaultYears;
  // The base year is always compared: the same-day table measures against it.
  const years = baseYear === null ? chosen : [...new Set([baseYear, ...chosen])].sort((a, b) => b - a);
  const align: Alignment = rawAlign === 'calendar' ? 'CALENDAR_DATE' : 'CAMPAIGN_DAY';

  return {
    years,
    align,
    /** The chosen day, or null for the default; the page checks it against the data. */
    day: dayOk && rawDay !== null ? Number(rawDay) : null,
    toggleYear: (year: number, on: boolean) => setYears(writeYearList(toggleYear(years, year, on))),
    setAlign: (next: Alignment) => setAlign(next === 'CALENDAR_DATE' ? 'calendar' : null),
    setDay: (next: number | null) => setDay(next === null ? null : String(next), 'replace'),
  };
}
