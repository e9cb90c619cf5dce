/**
 * Summary tables of active reports: a sum of `count` (actions) and a number of reports for each
 * combination of their dimensions. Their columns are named like letter_report's, so the one
 * filter-to-SQL translation serves them all. Each answers a family of dashboard questions under the
 * common filters (year, region, country, case, action type, group type) in a few thousand rows a
 * year; a question none can answer (a date range with a breakdown, group figures filtered by case)
 * reads the raw reports (group figures by case or action type through a covering index: see
 * server/db/migrations/1764100000000-case-action-index.ts). Writes pay per distinct key they touch, so there is no "wide" table: at
 * ten million reports it was as large as the raw table, and every import paid for it.
 * Ordered from smallest to largest: a query takes the first that has every column it needs, so the
 * figures every page opens with (whole campaign or a region, by case, action type or day) come from
 * the two smallest.
 */
export interface RollupTable {
  name: string;
  dimensions: string[];
}

export const ROLLUP_TABLES: RollupTable[] = [
  // totals and the breakdowns by case, action type and region: a few hundred rows a campaign
  { name: 'rollup_region_case', dimensions: ['year', 'region', 'case_id', 'action_type'] },
  // daily curves by region (the years compared, progress)
  { name: 'rollup_region_daily', dimensions: ['year', 'region', 'day'] },
  // daily curves and date ranges by area
  { name: 'rollup_daily', dimensions: ['year', 'region', 'country', 'day'] },
  // daily curves by case and action type (the case pages, per-case comparisons)
  { name: 'rollup_case_daily', dimensions: ['year', 'region', 'case_id', 'action_type', 'day'] },
  // totals and the breakdowns by case, country, region, action type and group type
  { name: 'rollup_area_case', dimensions: ['year', 'region', 'country', 'case_id', 'action_type', 'group_type'] },
  // groups by year, indexed by actions: the whole campaign's ranking a page at a time
  { name: 'rollup_group', dimensions: ['year', 'group_id'] },
  // groups by year and region, indexed by actions: a region's ranking a page at a time
  { name: 'rollup_region_group', dimensions: ['year', 'region', 'group_id'] },
  // subdivisions and groups (group_id NULL: reports of individuals without a group)
  { name: 'rollup_area_group', dimensions: ['year', 'region', 'country', 'subdivision', 'group_id'] },
];
