import { useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useMemo } from 'react';
import { pickCampaign } from '../campaigns';
import { CAMPAIGNS_QUERY } from '../graphql/operations';
import { updateSearch, useSearch } from '../url-state';
import { changeFilter, NO_FILTERS, parseFilters, rejectedFilterParams, writeFilters, type Filters } from './filter-params';

/** The filters in the address, and changes to them (each one a history entry, so back undoes it). */
export function useFilters(): {
  filters: Filters;
  setFilters: (change: Partial<Filters>) => void;
  clearFilters: () => void;
} {
  const search = useSearch();
  const filters = useMemo(() => parseFilters(search), [search]);

  // A malformed parameter is no filter: take it out of the address too, so a copied link is clean.
  useEffect(() => {
    const rejected = rejectedFilterParams(search);
    if (rejected.length > 0) updateSearch((params) => rejected.forEach((name) => params.delete(name)), 'replace');
  }, [search]);

  const setFilters = useCallback((change: Partial<Filters>) => {
    updateSearch((params) => writeFilters(params, changeFilter(parseFilters(window.location.search), change)));
  }, []);
  const clearFilters = useCallback(() => {
    updateSearch((params) => writeFilters(params, { ...NO_FILTERS, year: parseFilters(window.location.search).year }));
  }, []);
  return { filters, setFilters, clearFilters };
}

/**
 * The campaign the filters name (the latest when none), with the list of all campaigns. A year that
 * no campaign has is dropped from the address: the link then says what is shown.
 */
export function useCampaign() {
  const { filters } = useFilters();
  // cache-first: index.html usually carries the list (client/bootstrap.ts), and a live update
  // refetches it like every query on screen
  const result = useQuery(CAMPAIGNS_QUERY, { fetchPolicy: 'cache-first' });
  const campaigns = result.data?.campaigns ?? [];
  const campaign = pickCampaign(campaigns, filters.year);
  useEffect(() => {
    if (result.data && filters.year !== null && campaign?.year !== filters.year) {
      updateSearch((params) => params.delete('year'), 'replace');
    }
  }, [result.data, filters.year, campaign]);
  return { campaigns, campaign, filters, result };
}
