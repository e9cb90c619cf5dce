import { useCallback, type MouseEvent } from 'react';
import { updateSearch, useSearch } from '../../url-state';

/** Changes to the page's own parameters: a value sets one, null removes it. */
export type ParamChange = Record<string, string | null>;

function applyChange(params: URLSearchParams, change: ParamChange): void {
  for (const [name, value] of Object.entries(change)) {
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
}

/**
 * Real links between the views of this page (a list, a group): they can be copied or opened in a
 * new tab; a plain click changes the address in place, as a history entry, so back returns.
 */
export function useParamLink() {
  const search = useSearch();
  const href = useCallback(
    (change: ParamChange) => {
      const params = new URLSearchParams(search);
      applyChange(params, change);
      return `${window.location.pathname}?${params.toString()}`;
    },
    [search],
  );
  const follow = useCallback((event: MouseEvent, change: ParamChange) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    updateSearch((params) => applyChange(params, change), 'push');
    window.scrollTo({ top: 0 });
  }, []);
  return { href, follow };
}
