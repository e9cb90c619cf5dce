import { filterArea, type Area } from '../../data-version';
import { badInput } from '../../graphql/errors-user';
import { isRowId } from '../../common/id';
import type { ImpactFilter } from './impact-filter.input';

/**
 * The one place where an ImpactFilter becomes SQL. Conditions are written against the column names
 * that letter_report uses (year, case_id, country, region, subdivision, group_id, group_type,
 * action_type, day), so they apply to the raw table and to any summary table with those columns.
 * Only ACTIVE reports count: retracted and superseded ones never appear in a total.
 * `scope` (a coordinator's regions) is added to every filter, so no field, alias or combination
 * yields a figure from outside those regions.
 */
export interface SqlFilter {
  /** A boolean SQL expression, parameterised from $1 (with `offset`) upwards. */
  where: string;
  params: unknown[];
  /** Columns the expression reads; a summary table can answer only if it has all of them. */
  columns: Set<string>;
  /** The years and areas of the reports it selects: what its results are cached by (server/graphql/context.ts). */
  area: Area;
}

export function filterToSql(filter: ImpactFilter, alias = 'r', paramOffset = 0, scope: string[] | null = null): SqlFilter {
  const params: unknown[] = [];
  const parts: string[] = [];
  const columns = new Set<string>();
  const param = (value: unknown, type: string) => {
    params.push(value);
    return `$${paramOffset + params.length}::${type}`;
  };
  const anyOf = (column: string, values: readonly string[] | null | undefined, type = 'text[]') => {
    if (values == null) return;
    columns.add(column);
    const distinct = [...new Set(values)];
    // one value as an equality: an index on (…, column, measure) then serves rows in its order
    if (distinct.length === 1) parts.push(`${alias}.${column} = ${param(distinct[0], type.replace('[]', ''))}`);
    else parts.push(distinct.length === 0 ? 'false' : `${alias}.${column} = ANY(${param(distinct, type)})`);
  };

  if (filter.year != null) {
    columns.add('year');
    parts.push(`${alias}.year = ${param(filter.year, 'int')}`);
  }
  anyOf('case_id', filter.caseIds && ids(filter.caseIds, 'caseIds'), 'int[]');
  if (filter.caseCountries != null) {
    columns.add('case_id');
    parts.push(
      filter.caseCountries.length === 0
        ? 'false'
        : `${alias}.case_id IN (SELECT id FROM "case" WHERE country = ANY(${param(filter.caseCountries, 'text[]')}))`,
    );
  }
  anyOf('country', filter.countries);
  anyOf('region', filter.regions);
  // A coordinator's scope is intersected with whatever the filter asks: here, once, for every query.
  anyOf('region', scope);
  anyOf('subdivision', filter.subdivisions);
  anyOf('group_id', filter.groupIds && ids(filter.groupIds, 'groupIds'), 'int[]');
  anyOf('group_type', filter.groupTypes);
  anyOf('action_type', filter.actionTypes);
  if (filter.from != null) {
    columns.add('day');
    parts.push(`${alias}.day >= ${param(filter.from, 'date')}`);
  }
  if (filter.to != null) {
    columns.add('day');
    parts.push(`${alias}.day <= ${param(filter.to, 'date')}`);
  }
  return { where: parts.length ? parts.join(' AND ') : 'true', params, columns, area: filterArea(filter, scope) };
}

function ids(values: readonly string[], field: string): string[] {
  for (const v of values) {
    if (!isRowId(v)) {
      throw badInput(`filter.${field}: "${v.slice(0, 40)}" is not a valid id`);
    }
  }
  return [...values];
}
