import type { DataSource } from 'typeorm';
import { filterToSql } from './filter-sql';
import type { ImpactFilter } from './impact-filter.input';
import type { DailyTotal, YearSeries } from './impact.types';

export interface Totals {
  totalActions: number;
  reportCount: number;
  groupCount: number;
  countryCount: number;
}

export type Alignment = 'CAMPAIGN_DAY' | 'CALENDAR_DATE';

/** Aggregations over letter reports. Every query goes through filterToSql. */
export class ImpactService {
  constructor(private readonly db: DataSource) {}

  async totals(filter: ImpactFilter): Promise<Totals> {
    const f = filterToSql(filter);
    const [row] = await this.db.query(
      `SELECT coalesce(sum(r.count), 0)::bigint AS actions, count(*)::int AS reports,
              count(DISTINCT r.group_id)::int AS groups, count(DISTINCT r.country)::int AS countries
       FROM letter_report r WHERE r.status = 'ACTIVE' AND ${f.where}`,
      f.params,
    );
    return {
      totalActions: Number(row.actions),
      reportCount: row.reports,
      groupCount: row.groups,
      countryCount: row.countries,
    };
  }

  /** Every day from the first to the last matching report, days without reports included. */
  async daily(filter: ImpactFilter): Promise<DailyTotal[]> {
    const f = filterToSql(filter);
    const rows = await this.db.query(
      `WITH d AS (
         SELECT r.day, sum(r.count)::bigint AS actions FROM letter_report r
         WHERE r.status = 'ACTIVE' AND ${f.where} GROUP BY r.day)
       SELECT to_char(g.day, 'YYYY-MM-DD') AS date, coalesce(d.actions, 0) AS actions,
              sum(coalesce(d.actions, 0)) OVER (ORDER BY g.day) AS cumulative
       FROM generate_series((SELECT min(day) FROM d), (SELECT max(day) FROM d), interval '1 day') AS g(day)
       LEFT JOIN d ON d.day = g.day::date
       ORDER BY g.day`,
      f.params,
    );
    return rows.map((r: Record<string, string>) => ({
      date: r.date,
      actions: Number(r.actions),
      cumulative: Number(r.cumulative),
    }));
  }

  /**
   * One daily series per year. CAMPAIGN_DAY counts days from the year's writingStarts (negative
   * before it); CALENDAR_DATE counts from 1 December of the campaign year, so 10 December is day 9
   * in every year, leap years included. The filter's own `year` is ignored: `years` decides.
   */
  async yearComparison(years: number[], filter: ImpactFilter, align: Alignment): Promise<YearSeries[]> {
    const f = filterToSql({ ...filter, year: null }, 'r', 1);
    const dayExpr = align === 'CAMPAIGN_DAY' ? `g.day::date - c.writing_starts` : `g.day::date - make_date(c.year, 12, 1)`;
    const rows = await this.db.query(
      `WITH d AS (
         SELECT r.year, r.day, sum(r.count)::bigint AS actions FROM letter_report r
         WHERE r.status = 'ACTIVE' AND r.year = ANY($1::int[]) AND ${f.where} GROUP BY r.year, r.day),
       span AS (SELECT year, min(day) AS lo, max(day) AS hi FROM d GROUP BY year)
       SELECT c.year, to_char(g.day, 'YYYY-MM-DD') AS date, ${dayExpr} AS day,
              coalesce(d.actions, 0) AS actions,
              sum(coalesce(d.actions, 0)) OVER (PARTITION BY c.year ORDER BY g.day) AS cumulative
       FROM span JOIN campaign c ON c.year = span.year
       CROSS JOIN LATERAL generate_series(span.lo, span.hi, interval '1 day') AS g(day)
       LEFT JOIN d ON d.year = c.year AND d.day = g.day::date
       ORDER BY c.year, g.day`,
      [years, ...f.params],
    );
    const byYear = new Map<number, YearSeries>(years.map((year) => [year, { year, total: 0, points: [] }]));
    for (const r of rows) {
      const series = byYear.get(r.year)!;
      series.points.push({ day: r.day, date: r.date, actions: Number(r.actions), cumulative: Number(r.cumulative) });
      series.total = Number(r.cumulative);
    }
    return [...byYear.values()];
  }
}
