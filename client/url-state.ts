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

/** The dashboard's pages; the overview is the default and has no `?page=`. */
export type PageId = 'overview' | 'snapshots';

/** `?page=snapshots` names the snapshots page; anything else (missing or unknown) is the overview. */
export function parsePageParam(search: string): PageId {
  return new URLSearchParams(search).get('page') === 'snapshots' ? 'snapshots' : 'overview';
}

/** The address of a page: its own parameters only, so a year picked on the overview stays there. */
export function pageHref(page: PageId, pathname = window.location.pathname): string {
  return page === 'overview' ? pathname : `${pathname}?page=${page}`;
}

/**
 * The page chosen in the URL. Unlike the year, changing page is navigation: it uses `pushState`, so
 * back and forward move between pages.
 */
export function usePageParam(): [PageId, (page: PageId, how?: 'push' | 'replace') => void] {
  const [page, setPageState] = useState(() => parsePageParam(window.location.search));

  useEffect(() => {
    // An unknown ?page= is ignored; take it out of the address bar too.
    const value = new URLSearchParams(window.location.search).get('page');
    if (value !== null && value !== parsePageParam(window.location.search)) {
      const url = new URL(window.location.href);
      url.searchParams.delete('page');
      window.history.replaceState(window.history.state, '', url);
    }
    const onPopState = () => setPageState(parsePageParam(window.location.search));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const setPage = useCallback((next: PageId, how: 'push' | 'replace' = 'push') => {
    const current = parsePageParam(window.location.search);
    if (next !== current || how === 'replace') {
      const url = new URL(pageHref(next), window.location.origin);
      if (how === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(window.history.state, '', url);
    }
    setPageState(next);
  }, []);

  return [page, setPage];
}
