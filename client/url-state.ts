import { useCallback, useEffect, useState } from 'react';

const YEAR = /^\d{4}$/;

/** `?year=YYYY` as a number; anything else (missing, "abc", "25", "20250") means no year. */
export function parseYearParam(search: string): number | null {
  const value = new URLSearchParams(search).get('year');
  return value !== null && YEAR.test(value) ? Number(value) : null;
}

/**
 * The campaign year chosen in the URL. Writing uses `replaceState`, so switching years does not fill
 * the history; back/forward still re-read it.
 */
export function useYearParam(): [number | null, (year: number | null) => void] {
  const [year, setYearState] = useState(() => parseYearParam(window.location.search));

  useEffect(() => {
    // A malformed ?year= is ignored; take it out of the address bar too.
    const params = new URLSearchParams(window.location.search);
    if (params.has('year') && parseYearParam(window.location.search) === null) {
      const url = new URL(window.location.href);
      url.searchParams.delete('year');
      window.history.replaceState(window.history.state, '', url);
    }
    const onPopState = () => setYearState(parseYearParam(window.location.search));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const setYear = useCallback((next: number | null) => {
    const url = new URL(window.location.href);
    if (next === null) url.searchParams.delete('year');
    else url.searchParams.set('year', String(next));
    window.history.replaceState(window.history.state, '', url);
    setYearState(next);
  }, []);

  return [year, setYear];
}
