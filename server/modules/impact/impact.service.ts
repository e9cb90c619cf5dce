import type { Area } from '../../data-version';
import { addDays, daysBetween } from '../../common/dates';
import { decodeGroupCursor, encodeGroupCursor, oneRowPerGroup } from '../groups/group-page';
import { GroupingPasses, type SetColumn } from './grouping-passes';
import type { SqlFilter } from './filter-sql';
import { groupsUpToSource, impactSource } from './impact-source';
import type { ImpactFilter } from './impact-filter.input';
import type { DailyTotal, YearSeries } from './impact.types';

export interface Totals {
  totalActions: number;
  reportCount: number;
}

export interface KeyTotal {
  key: string;
  actions: number;
  reports: number;
}

export type Alignment = 'CAMPAIGN_DAY' | 'CALENDAR_DATE';

/** A breakdown's dimension: a column of the summary tables. */
export type BreakdownColumn = 'case_id' | 'country' | 'region' | 'subdivision' | 'action_type' | 'group_type';

export interface GroupPage {
  totalCount: number;
  rows: (KeyTotal & { groupId: number; cursor: string })[];
  hasNextPage: boolean;
}

const num = (v: unknown) => Number(v ?? 0);
const toKeyTotals = (rows: { key: unknown; actions: unknown; reports: unknown }[]): KeyTotal[] =>
  rows.map((r) => ({ key: String(r.key ?? ''), actions: num(r.actions), reports: num(r.reports) }));


/** Every day from the first to the last of `days` (keyed by date, in any order), those without actions included, with a running total. */
function dailySeries(days: { key: string; actions: number }[]): DailyTotal[] {
  const sorted = [...days].sort((a, b) => (a.key < b.key ? -1 : 1));
  const actionsOn = new Map(sorted.map((d) => [d.key, d.actions]));
  const series: DailyTotal[] = [];
  let cumulative = 0;
  for (let date = sorted[0]?.key; date && date <= sorted.at(-1)!.key; date = addDays(date, 1)) {
    const actions = actionsOn.get(date) ?? 0;
    cumulative += actions;
    series.push({ date, actions, cumulative });
  }
  return series;
}

/**
 * Where the service's SQL runs. `area`: the reports the statement reads, so a cache can keep its
 * result while writes go elsewhere (a DataSource does not fit: its third parameter is a query runner).
 */
export interface ImpactQueries {
  query(sql: string, params: unknown[], area: Area): Promise<any[]>;
}

/** Queries straight on a data source or a transaction's manager, uncached. */
export function uncached(db: { query(sql: string, params?: unknown[]): Promise<any> }): ImpactQueries {
  return { query: (sql, params) => db.query(sql, params) };
}

/**
 * The figures of the dashboard. Each method asks impactSource for the smallest table that can
 * answer (a summary table, else the raw reports) and sorts breakdowns by actions, then key.
 * Totals, breakdowns, countries and daily figures asked together share one scan (GroupingPasses).
 */
export class ImpactService {
  /** Runs read queries: straight on the database, or through the request's cache. */
  private readonly db: ImpactQueries;
  private readonly passes: GroupingPasses;

  /**
   * @param scope a coordinator's regions: every query is limited to them, whatever the filter asks
   *   (asking for another region matches nothing). null: no limit.
   */
  constructor(
    db: ImpactQueries,
    private readonly scope: string[] | null = null,
  ) {
    this.db = db;
    this.passes = new GroupingPasses((sql, params, area) => this.db.query(sql, params, area));
  }

  private source(filter: ImpactFilter, dimensions: string[], paramOffset = 0) {
    return impactSource(filter, dimensions, paramOffset, this.scope);
  }

  /** The rows of one grouping set (null: the totals), in the pass of its table and filter. */
  private grouped(filter: ImpactFilter, column: SetColumn): Promise<KeyTotal[]> {
    return this.passes.rows(this.source(filter, column ? [column] : []), column);
  }

  async totals(filter: ImpactFilter): Promise<Totals> {
    const [row] = await this.grouped(filter, null);
    return { totalActions: row?.actions ?? 0, reportCount: row?.reports ?? 0 };
  }

  /** Distinct values of a column (groups that reported, writers' countries). */
  async distinctCount(filter: ImpactFilter, column: 'group_id' | 'country'): Promise<number> {
    if (column === 'country') return (await this.grouped(filter, 'country')).length;
    const upTo = groupsUpToSource(filter, 0, this.scope);
    if (upTo) return this.count(`SELECT count(DISTINCT r.${column}) AS n ${upTo.from}`, upTo);
    const s = this.source(filter, [column]);
    // a year of a table with one row per group: count its index entries (count(DISTINCT) sorts them all)
    return oneRowPerGroup(s.table, filter, this.scope)
      ? this.count(`SELECT count(*) AS n ${s.from} AND r.group_id IS NOT NULL`, s)
      : this.count(`SELECT count(DISTINCT r.${column}) AS n ${s.from}`, s);
  }

  private async count(sql: string, f: SqlFilter): Promise<number> {
    const [row] = await this.db.query(sql, f.params, f.area);
    return num(row.n);
  }

  breakdown(filter: ImpactFilter, column: BreakdownColumn): Promise<KeyTotal[]> {
    return this.grouped(filter, column);
  }

  /** Totals by the country of the case (not of the writers). */
  async byCaseCountry(filter: ImpactFilter): Promise<KeyTotal[]> {
    const s = this.source(filter, ['case_id']);
    return toKeyTotals(
      await this.db.query(
        `SELECT k.country AS key, sum(t.actions) AS actions, sum(t.reports) AS reports
         FROM (SELECT r.case_id, ${s.actions} AS actions, ${s.reports} AS reports ${s.from} GROUP BY r.case_id) t
         JOIN "case" k ON k.id = t.case_id
         GROUP BY 1 ORDER BY 2 DESC, 1`,
        s.params,
        s.area,
      ),
    );
  }

  /** Groups ranked by actions (then id), a page at a time; the cursor is the last row's place. */
  async topGroups(filter: ImpactFilter, first: number, after: string | null): Promise<GroupPage> {
    const s = this.source(filter, ['group_id'], 2);
    const position = after ? decodeGroupCursor(after, 'topGroups') : null;
    const rows: { group_id: number; actions: string; reports: string; total: number }[] = await this.db.query(
      `WITH g AS (
         SELECT r.group_id, ${s.actions} AS actions, ${s.reports} AS reports ${s.from} AND r.group_id IS NOT NULL
         GROUP BY r.group_id)
       SELECT g.*, (SELECT count(*)::int FROM g) AS total FROM g
       WHERE $1::bigint IS NULL OR (g.actions, -g.group_id) < ($1::bigint, -$2::int)
       ORDER BY g.actions DESC, g.group_id LIMIT ${first + 1}`,
      [position?.actions ?? null, position?.groupId ?? null, ...s.params],
      s.area,
    );
    const totalCount = rows[0]?.total ?? (position ? await this.distinctCount(filter, 'group_id') : 0);
    return {
      totalCount,
      hasNextPage: rows.length > first,
      rows: rows.slice(0, first).map((r) => ({
        key: String(r.group_id),
        groupId: r.group_id,
        actions: num(r.actions),
        reports: num(r.reports),
        cursor: encodeGroupCursor({ actions: num(r.actions), groupId: r.group_id }),
      })),
    };
  }

  /** Every day from the first to the last matching report, days without reports included. */
  async daily(filter: ImpactFilter): Promise<DailyTotal[]> {
    return dailySeries(await this.grouped(filter, 'day'));
  }

  /**
   * One daily series per year. CAMPAIGN_DAY counts days from the year's writingStarts (negative
   * before it); CALENDAR_DATE counts from 1 December of the campaign year, so 10 December is day 9
   * in every year, leap years included. The filter's own `year` is ignored: `years` decides.
   */
  async yearComparison(years: number[], filter: ImpactFilter, align: Alignment): Promise<YearSeries[]> {
    const s = this.source({ ...filter, year: null }, ['year', 'day'], 1);
    // the days without reports are filled in here: joined to a generated series in SQL, the planner
    // could match days row by row (quadratic in the days of the years compared)
    const rows: { year: number; day: string; actions: string; writing_starts: string }[] = await this.db.query(
      `SELECT d.year, d.day, d.actions, c.writing_starts FROM (
         SELECT r.year, r.day, ${s.actions} AS actions ${s.from} AND r.year = ANY($1::int[]) GROUP BY r.year, r.day) d
       JOIN campaign c ON c.year = d.year
       ORDER BY d.year, d.day`,
      [years, ...s.params],
      { ...s.area, years },
    );
    const byYear = new Map<number, YearSeries>(years.map((year) => [year, { year, total: 0, points: [] }]));
    for (const year of byYear.keys()) {
      const days = rows.filter((r) => r.year === year);
      if (days.length === 0) continue;
      const start = align === 'CAMPAIGN_DAY' ? days[0].writing_starts : `${year}-12-01`;
      const series = byYear.get(year)!;
      series.points = dailySeries(days.map((d) => ({ key: d.day, actions: num(d.actions) }))).map((p) => ({ ...p, day: daysBetween(start, p.date) }));
      series.total = series.points.at(-1)!.cumulative;
    }
    return [...byYear.values()];
  }
}
