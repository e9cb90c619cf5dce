import { useEffect } from 'react';
import { useSearchParam } from '../../url-state';
import { parseYearList, toggleYear, writeYearList } from '../../years/year-list';

/** The address's word for "compare with no other year" (no parameter means the default). */
const NONE = 'none';

/**
 * The past years the cumulative chart compares with: `?compare=2024,2019` (a page parameter, so a
 * link reproduces the chart), last year when absent, none for `compare=none`. Years that are not
 * earlier campaigns are dropped from the address once the campaigns are known.
 */
export function useComparedYears(pastYears: readonly number[] | null): [number[], (year: number, on: boolean) => void] {
  const [raw, setRaw] = useSearchParam('compare');
  const parsed = raw === NONE || pastYears === null ? null : parseYearList(raw, pastYears);
  const clean = raw === NONE ? NONE : parsed ? writeYearList(parsed) : null;

  useEffect(() => {
    if (pastYears !== null && raw !== null && raw !== clean) setRaw(clean, 'replace');
  }, [pastYears, raw, clean, setRaw]);

  const defaultYears = pastYears?.slice(0, 1) ?? [];
  const chosen = raw === NONE ? [] : (parsed ?? defaultYears);
  const choose = (year: number, on: boolean) => {
    const next = toggleYear(chosen, year, on);
    setRaw(next.length > 0 ? writeYearList(next) : NONE);
  };
  return [chosen, choose];
}
