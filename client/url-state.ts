import { useCallback, useSyncExternalStore } from 'react';
import { FILTER_PARAMS } from './filters/filter-params';

// Everything a view shows is in the address: the page, the filters, a page's own choices. One
// store reads it; every change goes through `updateSearch`, so back, forward and a copied link all
// reproduce the view.

const CHANGE_EVENT = 'w4r:locationchange';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(CHANGE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(CHANGE_EVENT, listener);
  };
}

/** The current query string ("?page=trends&year=2024"), re-read on every change. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}

/**
 * Changes the query string. `push` makes a history entry (a new view the reader may go back from);
 * `replace` corrects the current one (a bad parameter dropped, a default written out).
 */
export function updateSearch(change: (params: URLSearchParams) => void, how: 'push' | 'replace' = 'push'): void {
  const url = new URL(window.location.href);
  change(url.searchParams);
  goTo(url, how);
}

/** Moves to another address of this page (no reload) and tells every reader of it. */
function goTo(url: URL, how: 'push' | 'replace'): void {
  if (url.href === window.location.href) return;
  if (how === 'push') window.history.pushState(null, '', url);
  else window.history.replaceState(window.history.state, '', url);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** One parameter of the address, and a setter that pushes (or replaces) it; null removes it. */
export function useSearchParam(name: string): [string | null, (value: string | null, how?: 'push' | 'replace') => void] {
  const search = useSearch();
  const value = new URLSearchParams(search).get(name);
  const set = useCallback(
    (next: string | null, how: 'push' | 'replace' = 'push') =>
      updateSearch((params) => {
        if (next === null || next === '') params.delete(name);
        else params.set(name, next);
      }, how),
    [name],
  );
  return [value, set];
}

/** The dashboard's pages; the overview is the default and has no `?page=`. */
export const PAGE_IDS = ['overview', 'trends', 'cases', 'geography', 'groups', 'reports', 'snapshots', 'counters'] as const;
export type PageId = (typeof PAGE_IDS)[number];

/** `?page=` names a page; anything else (missing or unknown) is the overview. */
export function parsePageParam(search: string): PageId {
  const value = new URLSearchParams(search).get('page');
  return (PAGE_IDS as readonly string[]).includes(value ?? '') ? (value as PageId) : 'overview';
}

/**
 * The address of a page. The filters travel with the reader from page to page (a coordinator looking
 * at one country keeps looking at it); a page's own parameters stay behind.
 */
export function pageHref(page: PageId, location: Pick<Location, 'pathname' | 'search'> = window.location): string {
  const current = new URLSearchParams(location.search);
  const next = new URLSearchParams();
  if (page !== 'overview') next.set('page', page);
  for (const name of FILTER_PARAMS) {
    const value = current.get(name);
    if (value !== null) next.set(name, value);
  }
  const query = next.toString();
  return query ? `${location.pathname}?${query}` : location.pathname;
}

/** The page in the address, and navigation to another (a history entry, unless `replace`). */
export function usePageParam(): [PageId, (page: PageId, how?: 'push' | 'replace') => void] {
  const page = parsePageParam(useSearch());
  const setPage = useCallback(
    (next: PageId, how: 'push' | 'replace' = 'push') => goTo(new URL(pageHref(next), window.location.origin), how),
    [],
  );
  return [page, setPage];
}
