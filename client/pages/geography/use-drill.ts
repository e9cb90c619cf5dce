import { useCallback, type MouseEvent } from 'react';
import { useFilters } from '../../filters/use-filters';
import { useSearch } from '../../url-state';
import { drillHref, type AreaFilters } from './drill-down';

/**
 * Links that move the view up or down a level: a plain click changes the filters in place (one
 * history entry, like the filter bar); with a modifier key the browser opens the link as usual.
 */
export function useDrill() {
  const search = useSearch();
  const { setFilters } = useFilters();
  const href = useCallback((change: Partial<AreaFilters>) => drillHref(search, change), [search]);
  const follow = useCallback(
    (event: MouseEvent, change: Partial<AreaFilters>) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      setFilters(change);
    },
    [setFilters],
  );
  return { href, follow };
}
