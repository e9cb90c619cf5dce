import { InMemoryCache } from '@apollo/client';
import { print, type DocumentNode } from 'graphql';
import { FILTER_OPTIONS_QUERY, FILTER_SUBDIVISIONS_QUERY } from '../client/filters/filter-options-query';
import { NO_FILTERS, toImpactFilter, type Filters } from '../client/filters/filter-params';
import { CASES_ACROSS_YEARS_QUERY, CASES_CAMPAIGN_QUERY } from '../client/pages/cases/queries';
import { GEOGRAPHY_QUERY } from '../client/pages/geography/queries';
import { GROUP_RANKING_QUERY, GROUPS_NOT_REPORTED_QUERY } from '../client/pages/groups/queries';
import { OVERVIEW_FIGURES_QUERY, OVERVIEW_SAME_DAY_QUERY, showsGoal } from '../client/pages/overview/queries';
import { IMPORT_HISTORY_QUERY, RECENT_REPORTS_QUERY } from '../client/pages/reports/queries';
import { defaultAsOfDay } from '../client/pages/trends/same-day-table';
import { daysBetween } from '../client/dates';
import { SAME_DAY_QUERY } from '../client/years/same-day-query';
import { YEAR_CURVES_QUERY } from '../client/years/year-curves-query';

// The requests each dashboard page sends when it opens, built from the client's own documents and
// its own filter functions. Apollo adds __typename to every selection before sending; so do we, so
// the server sees the browser's bodies byte for byte in content.

export const PAGES = ['overview', 'trends', 'cases', 'geography', 'groups', 'reports'] as const;
export type PageName = (typeof PAGES)[number];

export interface Request {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

/** What a later wave needs from the answers of the one before it. */
export type Answers = Record<string, { data?: any }>;

/** A page: waves of requests; each wave is sent in parallel, the next once its answers are in. */
export type Wave = (answers: Answers) => Request[];

export interface CampaignDates {
  year: number;
  writingStarts: string;
}

const cache = new InMemoryCache();
const printed = new Map<DocumentNode, string>();
function request(document: DocumentNode, variables: Record<string, unknown>): Request {
  let query = printed.get(document);
  if (!query) printed.set(document, (query = print(cache.transformDocument(document))));
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  // JSON drops undefined fields, as Apollo's HTTP link does
  return { operationName: operation!.name!.value, query, variables: JSON.parse(JSON.stringify(variables)) };
}

// Page sizes of the components that send these requests (RankingList, NotReportedList, RecentReports,
// ImportHistory): constants of React modules that Node cannot load with their CSS.
const RANKING_PAGE_SIZE = 25;
const NOT_REPORTED_STEP = 50;
const RECENT_PAGE_SIZE = 25;
const IMPORT_HISTORY_SHOWN = 10;

/** The filter bar's options, sent beside every filtered page: the area's lists, and a chosen country's subdivisions. */
function filterOptions(filters: Filters, year: number): Request[] {
  return [
    request(FILTER_OPTIONS_QUERY, { year, regions: filters.region ? [filters.region] : null }),
    ...(filters.country ? [request(FILTER_SUBDIVISIONS_QUERY, { year, countries: [filters.country] })] : []),
  ];
}

/**
 * The waves of `page` opened on `campaign` under `filters` (null fields: no filter) by someone of
 * `role`, as the page's components compute their variables. `previous` is the campaign before it.
 */
export function pageWaves(page: PageName, campaign: CampaignDates, previous: CampaignDates | undefined, filters: Filters = NO_FILTERS, role = 'staff'): Wave[] {
  const year = campaign.year;
  const filter = toImpactFilter(filters, year);
  switch (page) {
    case 'overview':
      return [
        () => [
          ...filterOptions(filters, year),
          request(OVERVIEW_FIGURES_QUERY, { year, filter, withGoal: showsGoal(role, filters) }),
          // the cumulative chart compares with last year by default
          request(YEAR_CURVES_QUERY, { years: previous ? [year, previous.year] : [year], filter, align: 'CAMPAIGN_DAY' }),
          // and its summary compares with it at the year's last day with data
          request(SAME_DAY_QUERY, { baseYear: year, years: previous ? [previous.year] : [], day: null, filter, align: 'CAMPAIGN_DAY' }),
          ...(previous ? [request(OVERVIEW_SAME_DAY_QUERY, { year, filter })] : []),
        ],
      ];
    case 'trends':
      return [
        () => [
          ...filterOptions(filters, year),
          // the year and the two before it, newest first, by campaign day (the page's defaults)
          request(YEAR_CURVES_QUERY, { years: [year, year - 1, year - 2], filter, align: 'CAMPAIGN_DAY' }),
        ],
        // the same-day table, at the day the page picks from the curves (today, within the base year's data)
        (answers) => {
          const base = (answers.YearCurves?.data?.yearComparison ?? []).find((s: { year: number }) => s.year === year);
          const day = defaultAsOfDay(base, daysBetween(campaign.writingStarts, new Date().toISOString().slice(0, 10)));
          return day === null ? [] : [request(SAME_DAY_QUERY, { baseYear: year, years: [year, year - 1, year - 2], day, filter, align: 'CAMPAIGN_DAY' })];
        },
      ];
    case 'cases':
      return [
        () => [
          ...filterOptions(filters, year),
          request(CASES_CAMPAIGN_QUERY, { year, filter: toImpactFilter(filters, year, ['caseId']) }),
          request(CASES_ACROSS_YEARS_QUERY, { filter: { ...toImpactFilter(filters, year, ['caseId', 'from', 'to']), year: null } }),
        ],
      ];
    case 'geography':
      return [
        () => [
          ...filterOptions(filters, year),
          request(GEOGRAPHY_QUERY, {
            world: toImpactFilter(filters, year, ['region', 'country', 'subdivision']),
            region: toImpactFilter(filters, year, ['country', 'subdivision']),
            country: toImpactFilter(filters, year, ['subdivision']),
            place: { year, countries: filters.country ? [filters.country] : [] },
            withCountry: filters.country !== null,
          }),
        ],
      ];
    case 'groups': {
      const list = <T,>(value: T | null) => (value === null ? undefined : [value]);
      return [
        () => [
          ...filterOptions(filters, year),
          request(GROUP_RANKING_QUERY, { filter, search: null, first: RANKING_PAGE_SIZE, after: null }),
          ...(previous
            ? [
                request(GROUPS_NOT_REPORTED_QUERY, {
                  year,
                  regions: list(filters.region),
                  countries: list(filters.country),
                  subdivisions: list(filters.subdivision),
                  groupTypes: list(filters.groupType),
                  first: NOT_REPORTED_STEP,
                }),
              ]
            : []),
        ],
      ];
    }
    case 'reports':
      return [
        () => [
          request(RECENT_REPORTS_QUERY, { first: RECENT_PAGE_SIZE, after: null, search: null }),
          request(IMPORT_HISTORY_QUERY, { first: IMPORT_HISTORY_SHOWN }),
        ],
      ];
  }
}
