/**
 * Summary tables of active reports, each a sum of `count` (actions) and a number of reports per
 * combination of its dimensions. Their columns are named like letter_report's, so one filter-to-SQL
 * translation serves them all. Narrow tables answer the common dashboard filters (year, region,
 * country, case, action and group type) in a few thousand rows a year; the wide one answers the
 * rarer ones (subdivision, date ranges); group-level questions go to rollup_group.
 * Ordered from smallest to largest: a query takes the first that has every column it needs.
 */
export interface RollupTable {
  name: string;
  dimensions: string[];
  /** Only reports matching this condition are counted (rollup_group skips reports without a group). */
  where?: string;
}

export const ROLLUP_TABLES: RollupTable[] = [
  { name: 'rollup_daily', dimensions: ['year', 'region', 'country', 'day'] },
  { name: 'rollup_area_case', dimensions: ['year', 'region', 'country', 'case_id', 'action_type', 'group_type'] },
  { name: 'rollup_group', dimensions: ['year', 'region', 'country', 'subdivision', 'group_id'], where: 'group_id IS NOT NULL' },
  {
    name: 'rollup_wide',
    dimensions: ['year', 'day', 'case_id', 'action_type', 'group_type', 'region', 'country', 'subdivision'],
  },
];
