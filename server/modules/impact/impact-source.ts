import { GROUP_FIRST_DAY } from '../rollups/group-first-day';
import { ROLLUP_TABLES } from '../rollups/rollup-tables';
import { filterToSql, type SqlFilter } from './filter-sql';
import type { ImpactFilter } from './impact-filter.input';

/**
 * Where a question is answered: the smallest summary table that has every column the filter and the
 * breakdown need, else the raw reports. `actions` and `reports` are the measures to sum.
 */
export interface ImpactSource extends SqlFilter {
  /** `FROM ... r WHERE ...`, ready to follow a SELECT list. */
  from: string;
  table: string;
  actions: string;
  reports: string;
}

export function impactSource(filter: ImpactFilter, dimensions: string[], paramOffset = 0, scope: string[] | null = null): ImpactSource {
  const f = filterToSql(filter, 'r', paramOffset, scope);
  const needed = new Set([...f.columns, ...dimensions]);
  const rollup = ROLLUP_TABLES.find((t) => [...needed].every((c) => t.dimensions.includes(c)));
  if (rollup) {
    return {
      ...f,
      table: rollup.name,
      // rows emptied by retractions stay behind with zero reports: skip them
      from: `FROM ${rollup.name} r WHERE r.reports > 0 AND ${f.where}`,
      actions: 'sum(r.actions)',
      reports: 'sum(r.reports)',
    };
  }
  return {
    ...f,
    table: 'letter_report',
    from: `FROM letter_report r WHERE r.status = 'ACTIVE' AND ${f.where}`,
    actions: 'sum(r.count)',
    reports: 'count(*)',
  };
}

/**
 * Distinct groups with a report up to a day (a filter with `to` and no `from`), from each group's
 * first day per area when the filter's other columns are that table's; null when it cannot answer.
 */
export function groupsUpToSource(filter: ImpactFilter, paramOffset = 0, scope: string[] | null = null): SqlFilter & { from: string } | null {
  if (filter.to == null || filter.from != null) return null;
  const f = filterToSql({ ...filter, to: null }, 'r', paramOffset, scope);
  if (![...f.columns].every((c) => GROUP_FIRST_DAY.dimensions.includes(c))) return null;
  f.params.push(filter.to);
  return { ...f, from: `FROM ${GROUP_FIRST_DAY.name} r WHERE r.first_day <= $${paramOffset + f.params.length}::date AND ${f.where}` };
}
