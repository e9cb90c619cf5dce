import type { DataSource } from 'typeorm';
import { badInput } from '../../graphql/errors-user';
import { impactSource, type ImpactSource } from './impact-source';
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

/**
 * The figures of the dashboard. Each method asks impactSource for the smallest table that can
 * answer (a summary table, else the raw reports) and sorts breakdowns by actions, then key.
 */
export class ImpactService {
  /** Runs read queries: straight on the database, or through the request's cache. */
  private readonly db: { query(sql: string, params?: unknown[]): Promise<any[]> };

  /**
   * @param scope a coordinator's regions: every query is limited to them, whatever the filter asks
   *   (asking for another region matches nothing). null: no limit.
   */
  constructor(
    db: DataSource | ImpactService['db'],
    private readonly scope: string[] | null = null,
  ) {
    this.db = db;
  }

  private source(filter: ImpactFilter, dimensions: string[], paramOffset = 0) {
    return impactSource(filter, dimensions, paramOffset, this.scope);
  }

  async totals(filter: ImpactFilter): Promise<Totals> {
    const s = this.source(filter, []);
    const [row] = await this.db.query(`SELECT ${s.actions} AS actions, ${s.reports} AS reports ${s.from}`, s.params);
    return { totalActions: num(row.actions), reportCount: num(row.reports) };
  }

  /**
   * Distinct values of a column (groups that reported, writers' countries). Countries are the keys
   * of the country breakdown (one pass shared with byCountry); the number of groups is the total of
   * topGroups' first page (the same query, shared through the cache with a topGroups field).
   */
  async distinctCount(filter: ImpactFilter, column: 'group_id' | 'country'): Promise<number> {
    if (column === 'country') return (await this.grouped(filter, 'country')).length;
    return (await this.topGroups(filter, 1, null)).totalCount;
  }

  /**
   * Breakdowns asked in the same request with the same filter are answered together: one pass per
   * summary table (GROUPING SETS), not one per breakdown. Each still reads the table it read alone.
   */
  breakdown(filter: ImpactFilter, column: BreakdownColumn): Promise<KeyTotal[]> {
    return this.grouped(filter, column);
  }

  /** Totals by the country of the case (not of the writers). */
  byCaseCountry(filter: ImpactFilter): Promise<KeyTotal[]> {
    return this.grouped(filter, 'case_country');
  }

  private readonly batches = new Map<string, { source: ImpactSource; sets: GroupingSet[]; result: Promise<Map<GroupingSet, KeyTotal[]>> }>();

  private grouped(filter: ImpactFilter, set: GroupingSet): Promise<KeyTotal[]> {
    const s = this.source(filter, [set === 'case_country' ? 'case_id' : set]);
    const key = sourceKey(s);
    let batch = this.batches.get(key);
    if (!batch) {
      const sets: GroupingSet[] = [];
      batch = {
        source: s,
        sets,
        // collected until every resolver of this level has asked (after their argument validation)
        result: new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
          this.batches.delete(key);
          return this.groupingSets(s, sets);
        }),
      };
      this.batches.set(key, batch);
    }
    if (!batch.sets.includes(set)) batch.sets.push(set);
    return batch.result.then((m) => m.get(set)!);
  }

  private async groupingSets(s: ImpactSource, requested: GroupingSet[]): Promise<Map<GroupingSet, KeyTotal[]>> {
    const sets = [...requested].sort();
    // first the sums by every asked column together (a few hundred rows), then each set from those
    const columns = [...new Set(sets.map((c) => (c === 'case_country' ? 'case_id' : c)))];
    const inner = columns.map((c) => (c === 'subdivision' ? `coalesce(r.subdivision, '') AS subdivision` : `r.${c}`));
    const exprs = sets.map((c) => (c === 'case_country' ? 'k.country' : `t.${c}`));
    const join = sets.includes('case_country') ? 'JOIN "case" k ON k.id = t.case_id' : '';
    // keys are never NULL (subdivision is coalesced); GROUPING tells each row's set
    const rows = await this.db.query(
      `SELECT GROUPING(${exprs.join(', ')}) AS g, ${exprs.map((e, i) => `${e} AS k${i}`).join(', ')},
              sum(t.actions) AS actions, sum(t.reports) AS reports
       FROM (SELECT ${inner.join(', ')}, ${s.actions} AS actions, ${s.reports} AS reports ${s.from} GROUP BY ${columns.map((_, i) => i + 1).join(', ')}) t
       ${join}
       GROUP BY GROUPING SETS (${exprs.map((e) => `(${e})`).join(', ')})
       ORDER BY 1, ${exprs.length + 2} DESC, ${exprs.map((_, i) => i + 2).join(', ')}`,
      s.params,
    );
    const all = (1 << sets.length) - 1;
    const result = new Map<GroupingSet, KeyTotal[]>(sets.map((c) => [c, []]));
    for (const r of rows) {
      const i = sets.findIndex((_, i) => r.g === (all ^ (1 << (sets.length - 1 - i))));
      result.get(sets[i])!.push({ key: String(r[`k${i}`] ?? ''), actions: num(r.actions), reports: num(r.reports) });
    }
    return result;
  }

  /** Groups ranked by actions (then id), a page at a time; the cursor is the last row's place. */
  async topGroups(filter: ImpactFilter, first: number, after: string | null): Promise<GroupPage> {
    const s = this.source(filter, ['group_id'], 2);
    const position = after ? decodeCursor(after) : null;
    // always the first 101 (the most a page asks, plus one): one SQL text whatever `first` is, so a
    // first page and groupCount (its total) share one query through the cache
    const rows: { group_id: number; actions: string; reports: string; total: number }[] = await this.db.query(
      `WITH g AS (
         SELECT r.group_id, ${s.actions} AS actions, ${s.reports} AS reports ${s.from} AND r.group_id IS NOT NULL
         GROUP BY r.group_id)
       SELECT g.*, (SELECT count(*)::int FROM g) AS total FROM g
       WHERE $1::bigint IS NULL OR (g.actions, -g.group_id) < ($1::bigint, -$2::int)
       ORDER BY g.actions DESC, g.group_id LIMIT ${MAX_PAGE + 1}`,
      [position?.actions ?? null, position?.groupId ?? null, ...s.params],
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
        cursor: encodeCursor(num(r.actions), r.group_id),
      })),
    };
  }

  /** Every day from the first to the last matching report, days without reports included. */
  async daily(filter: ImpactFilter): Promise<DailyTotal[]> {
    const s = this.source(filter, ['day']);
    const rows = await this.db.query(
      `WITH d AS (SELECT r.day, ${s.actions} AS actions ${s.from} GROUP BY r.day)
       SELECT to_char(g.day, 'YYYY-MM-DD') AS date, coalesce(d.actions, 0) AS actions,
              sum(coalesce(d.actions, 0)) OVER (ORDER BY g.day) AS cumulative
       FROM generate_series((SELECT min(day) FROM d), (SELECT max(day) FROM d), interval '1 day') AS g(day)
       LEFT JOIN d ON d.day = g.day::date
       ORDER BY g.day`,
      s.params,
    );
    return rows.map((r: Record<string, string>) => ({ date: r.date, actions: num(r.actions), cumulative: num(r.cumulative) }));
  }

  /**
   * One daily series per year. CAMPAIGN_DAY counts days from the year's writingStarts (negative
   * before it); CALENDAR_DATE counts from 1 December of the campaign year, so 10 December is day 9
   * in every year, leap years included. The filter's own `year` is ignored: `years` decides.
   */
  async yearComparison(years: number[], filter: ImpactFilter, align: Alignment): Promise<YearSeries[]> {
    const s = this.source({ ...filter, year: null }, ['year', 'day'], 1);
    const dayExpr = align === 'CAMPAIGN_DAY' ? `d.day - c.writing_starts` : `d.day - make_date(c.year, 12, 1)`;
    // the days with reports; the days between them (no reports) are filled in below
    const rows: { year: number; date: string; day: number; actions: string }[] = await this.db.query(
      `SELECT d.year, to_char(d.day, 'YYYY-MM-DD') AS date, ${dayExpr} AS day, d.actions
       FROM (SELECT r.year, r.day, ${s.actions} AS actions ${s.from} AND r.year = ANY($1::int[]) GROUP BY r.year, r.day) d
       JOIN campaign c ON c.year = d.year
       ORDER BY d.year, d.day`,
      [years, ...s.params],
    );
    const byYear = new Map<number, YearSeries>(years.map((year) => [year, { year, total: 0, points: [] }]));
    for (const r of rows) {
      const series = byYear.get(r.year)!;
      const last = series.points.at(-1);
      if (last) {
        const time = Date.parse(`${last.date}T00:00:00Z`);
        for (let day = last.day + 1; day < r.day; day++) {
          const date = new Date(time + (day - last.day) * 86_400_000).toISOString().slice(0, 10);
          series.points.push({ day, date, actions: 0, cumulative: series.total });
        }
      }
      series.total += num(r.actions);
      series.points.push({ day: r.day, date: r.date, actions: num(r.actions), cumulative: series.total });
    }
    return [...byYear.values()];
  }
}

type GroupingSet = BreakdownColumn | 'case_country';

/** The most rows a page of topGroups may ask for (TopGroupsArgs.first). */
const MAX_PAGE = 100;

/** Identifies a question's rows: the same table, condition and parameters. */
function sourceKey(s: ImpactSource): string {
  return `${s.from}\u0000${JSON.stringify(s.params)}`;
}

function encodeCursor(actions: number, groupId: number): string {
  return Buffer.from(`${actions}:${groupId}`).toString('base64url');
}

function decodeCursor(cursor: string): { actions: number; groupId: number } {
  const match = /^(\d{1,15}):(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput('topGroups: "after" is not a cursor from this list', { after: 'is not valid' });
  return { actions: Number(match[1]), groupId: Number(match[2]) };
}
