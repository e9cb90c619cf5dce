import { changeFilter, parseFilters, writeFilters, type Filters } from '../../filters/filter-params';

// The drill-down from the world to a subdivision: its trail of breadcrumbs, and the rows of each
// level's table with their share of that level's total.

export type AreaFilters = Pick<Filters, 'region' | 'country' | 'subdivision'>;

export interface Crumb {
  key: string;
  label: string;
  /** The filter change that goes back up to this level; null for where the reader is. */
  change: Partial<AreaFilters> | null;
}

export interface CrumbLabels {
  world: string;
  region: (region: string) => string;
  country: (code: string) => string;
}

/**
 * World › region › country › subdivision, as far as the filters go. A country chosen without its
 * region (from the map of the world) shows the region it belongs to, when known, so the reader can
 * go up one level at a time.
 */
export function breadcrumbs(filters: AreaFilters, regionOfCountry: string | null, labels: CrumbLabels): Crumb[] {
  const region = filters.region ?? (filters.country ? regionOfCountry : null);
  const crumbs: Crumb[] = [{ key: 'world', label: labels.world, change: { region: null, country: null, subdivision: null } }];
  if (region) crumbs.push({ key: `region:${region}`, label: labels.region(region), change: { region, country: null, subdivision: null } });
  if (filters.country) {
    crumbs.push({ key: `country:${filters.country}`, label: labels.country(filters.country), change: { country: filters.country, subdivision: null } });
  }
  if (filters.country && filters.subdivision) {
    crumbs.push({ key: `subdivision:${filters.subdivision}`, label: filters.subdivision, change: null });
  }
  crumbs[crumbs.length - 1].change = null;
  return crumbs;
}

export interface AreaTotal {
  key: string;
  label: string;
  actions: number;
  reports: number;
}

export interface ShareRow extends AreaTotal {
  /** Of the level's total actions, 0..1. */
  share: number;
}

/** A level's rows with their shares; the total is the sum of the rows, so the shares add up to 100 %. */
export function withShares(totals: readonly AreaTotal[]): { rows: ShareRow[]; total: number } {
  const total = totals.reduce((sum, row) => sum + row.actions, 0);
  return { rows: totals.map((row) => ({ ...row, share: total === 0 ? 0 : row.actions / total })), total };
}

/**
 * The address of the view one level down or up (a real link: it opens in a new tab, and can be
 * copied), made the way the filter bar makes it: a new country drops the subdivision, and so on.
 */
export function drillHref(search: string, change: Partial<AreaFilters>): string {
  const params = new URLSearchParams(search);
  writeFilters(params, changeFilter(parseFilters(search), change));
  return `?${params}`;
}
