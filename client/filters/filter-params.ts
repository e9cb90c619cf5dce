import * as z from 'zod/mini';
import type { ActionType, GroupType, ImpactFilter } from '../gql/graphql';

// The filters of every page, as they stand in the address. Each parameter is checked on its own by
// the schema below: a malformed one (a hand-edited or truncated link) is no filter, the rest stay.

export const ACTION_TYPES = ['LETTER', 'SOLIDARITY', 'EMAIL', 'PETITION', 'SMS', 'SOCIAL', 'FAX', 'OTHER'] as const;
export const GROUP_TYPES = [
  'LOCAL_GROUP',
  'STUDENT_GROUP',
  'SCHOOL',
  'FAITH_GROUP',
  'COMMUNITY_ORGANISATION',
  'EVENT',
  'INDIVIDUAL',
  'ONLINE',
] as const;

export interface Filters {
  /** The campaign year; null is the latest campaign. */
  year: number | null;
  region: string | null;
  /** Writers' country, ISO 3166-1 alpha-2. */
  country: string | null;
  /** ISO 3166-2 within the country. */
  subdivision: string | null;
  caseId: string | null;
  groupType: GroupType | null;
  actionType: ActionType | null;
  /** Inclusive, YYYY-MM-DD, on the day the report was written in the campaign's time zone. */
  from: string | null;
  to: string | null;
}

export const NO_FILTERS: Filters = {
  year: null,
  region: null,
  country: null,
  subdivision: null,
  caseId: null,
  groupType: null,
  actionType: null,
  from: null,
  to: null,
};

/** The address parameter of each filter. */
export const PARAM_OF: Record<keyof Filters, string> = {
  year: 'year',
  region: 'region',
  country: 'country',
  subdivision: 'subdivision',
  caseId: 'case',
  groupType: 'groupType',
  actionType: 'actionType',
  from: 'from',
  to: 'to',
};
export const FILTER_PARAMS: readonly string[] = Object.values(PARAM_OF);

const isRealDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/), z.refine(isRealDate));

const FIELD_SCHEMAS: { [K in keyof Filters]: z.ZodMiniType<Exclude<Filters[K], null>> } = {
  year: z.pipe(
    z.string().check(z.regex(/^\d{4}$/)),
    z.transform((value: string) => Number(value)),
  ),
  region: z.string().check(z.minLength(1), z.maxLength(60), z.regex(/^[\p{L} .'-]+$/u)),
  country: z.string().check(z.regex(/^[A-Z]{2}$/)),
  subdivision: z.string().check(z.regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)),
  caseId: z.string().check(z.regex(/^\d{1,12}$/)),
  groupType: z.enum(GROUP_TYPES),
  actionType: z.enum(ACTION_TYPES),
  from: day,
  to: day,
};

/** The filters named by a query string; anything malformed is left out. */
export function parseFilters(search: string): Filters {
  const params = new URLSearchParams(search);
  const filters: Filters = { ...NO_FILTERS };
  for (const key of Object.keys(PARAM_OF) as (keyof Filters)[]) {
    const raw = params.get(PARAM_OF[key]);
    if (raw === null) continue;
    const parsed = FIELD_SCHEMAS[key].safeParse(raw);
    if (parsed.success) (filters as unknown as Record<string, unknown>)[key] = parsed.data;
  }
  // A subdivision belongs to its country: "FR-75" under "BR" is a broken link, not a filter.
  if (filters.subdivision && filters.country && !filters.subdivision.startsWith(`${filters.country}-`)) {
    filters.subdivision = null;
  }
  if (filters.from && filters.to && filters.from > filters.to) filters.to = null;
  return filters;
}

/** The parameters that `parseFilters` would leave out: the page drops them from the address. */
export function rejectedFilterParams(search: string): string[] {
  const params = new URLSearchParams(search);
  const kept = parseFilters(search);
  return (Object.keys(PARAM_OF) as (keyof Filters)[])
    .filter((key) => params.has(PARAM_OF[key]) && kept[key] === null)
    .map((key) => PARAM_OF[key]);
}

/** Writes filters into query parameters; nulls are removed, other parameters are kept. */
export function writeFilters(params: URLSearchParams, filters: Partial<Filters>): void {
  for (const [key, value] of Object.entries(filters) as [keyof Filters, Filters[keyof Filters]][]) {
    if (value === null || value === undefined || value === '') params.delete(PARAM_OF[key]);
    else params.set(PARAM_OF[key], String(value));
  }
}

/**
 * A change of one filter, with what depends on it cleared: another region empties the country and
 * subdivision, another country the subdivision, another year the case (cases belong to a year) and
 * the dates.
 */
export function changeFilter(filters: Filters, change: Partial<Filters>): Filters {
  const next = { ...filters, ...change };
  if ('region' in change && change.region !== filters.region) {
    next.country = change.country ?? null;
    next.subdivision = change.subdivision ?? null;
  }
  if ('country' in change && change.country !== filters.country) next.subdivision = change.subdivision ?? null;
  if ('year' in change && change.year !== filters.year) {
    next.caseId = change.caseId ?? null;
    next.from = change.from ?? null;
    next.to = change.to ?? null;
  }
  return next;
}

/** How many filters are on, the year aside (every view has one). */
export function activeFilterCount(filters: Filters): number {
  return (Object.keys(filters) as (keyof Filters)[]).filter((key) => key !== 'year' && filters[key] !== null).length;
}

/** The GraphQL filter for a campaign year; `except` leaves some out (an options list of its own field). */
export function toImpactFilter(filters: Filters, year: number, except: readonly (keyof Filters)[] = []): ImpactFilter {
  const use = <K extends keyof Filters>(key: K) => (except.includes(key) ? null : filters[key]);
  const list = <T,>(value: T | null) => (value === null ? undefined : [value]);
  return {
    year,
    regions: list(use('region')),
    countries: list(use('country')),
    subdivisions: list(use('subdivision')),
    caseIds: list(use('caseId')),
    groupTypes: list(use('groupType')),
    actionTypes: list(use('actionType')),
    from: use('from') ?? undefined,
    to: use('to') ?? undefined,
  };
}
