import type { DataSource } from 'typeorm';
import { filterToSql } from '../impact/filter-sql';
import { impactSource } from '../impact/impact-source';
import { decodeGroupCursor, oneRowPerGroup, toGroupPage, type GroupPage, type GroupPageRow } from './group-page';
import type { GroupType } from './group.enums';

export interface NotReportedQuery {
  year: number;
  regions?: string[] | null;
  countries?: string[] | null;
  subdivisions?: string[] | null;
  groupTypes?: GroupType[] | null;
  first: number;
  after?: string | null;
}

export type NotReportedPage = GroupPage<{ reports: number; lastReportedAt: Date }>;

/**
 * Groups that reported in year - 1 and have no active report in `year` (anywhere; for a coordinator,
 * anywhere in their regions, so that the list says nothing of reports elsewhere), biggest first, so
 * coordinators chase them in order. The area filters select where the group reported last year, and
 * last year's figures (and its last report) are counted in that area only: a coordinator sees no
 * figure from outside it. Figures come from rollup_group for the whole campaign, rollup_region_group
 * for regions, else from rollup_area_group (rows with no reports left after retractions are skipped); the date of the last
 * report from the raw reports of the page only.
 */
export class NotReportedService {
  /** @param scope a coordinator's regions, intersected with the area filters; null for no limit */
  constructor(
    private readonly db: DataSource,
    private readonly scope: string[] | null = null,
  ) {}

  async page(q: NotReportedQuery): Promise<NotReportedPage> {
    const position = q.after ? decodeGroupCursor(q.after, 'notYetReported') : null;
    const area = { year: q.year - 1, regions: q.regions, countries: q.countries, subdivisions: q.subdivisions };
    // the same parameters serve both aliases: only the alias differs
    const last = impactSource(area, ['group_id'], 5, this.scope);
    const raw = filterToSql(area, 'x', 5, this.scope);
    const thisYear = impactSource({}, ['year', 'group_id'], 5 + last.params.length, this.scope);
    // a year of rollup_group (the whole campaign) or of one region's rollup_region_group is one row
    // per group: nothing to sum
    const lastYear =
      oneRowPerGroup(last.table, area, this.scope)
        ? `SELECT r.group_id, r.actions, r.reports ${last.from} AND r.group_id IS NOT NULL AND r.actions > 0`
        : `SELECT r.group_id, ${last.actions} AS actions, ${last.reports} AS reports ${last.from} AND r.group_id IS NOT NULL
           GROUP BY r.group_id
           HAVING ${last.actions} > 0`;
    const rows: (GroupPageRow & { reports: string; last_reported_at: Date })[] = await this.db.query(
      `WITH last_year AS (${lastYear}),
       missing AS (
         SELECT l.* FROM last_year l
         -- the groups are looked up only for a type filter: joined always, every group of the
         -- campaign was read to answer the common page (a region's not yet reported 17 -> 8 ms at 10 M)
         WHERE ($4::text[] IS NULL OR EXISTS (SELECT 1 FROM writing_group g WHERE g.id = l.group_id AND g.type = ANY($4::text[])))
           AND NOT EXISTS (SELECT 1 ${thisYear.from} AND r.year = $1::int AND r.group_id = l.group_id)),
       page AS (
         SELECT m.* FROM missing m
         WHERE $2::bigint IS NULL OR (m.actions, -m.group_id) < ($2::bigint, -$3::int)
         ORDER BY m.actions DESC, m.group_id
         LIMIT $5::int)
       SELECT t.total, p.group_id, p.actions, p.reports,
              (SELECT max(x.reported_at) FROM letter_report x
               WHERE x.group_id = p.group_id AND x.status = 'ACTIVE' AND ${raw.where}) AS last_reported_at
       FROM (SELECT count(*)::int AS total FROM missing) t
       LEFT JOIN page p ON true
       ORDER BY p.actions DESC, p.group_id`,
      [q.year, position?.actions ?? null, position?.groupId ?? null, q.groupTypes ?? null, q.first + 1, ...last.params, ...thisYear.params],
    );
    return toGroupPage(rows, q.first, (r) => ({ reports: Number(r.reports), lastReportedAt: r.last_reported_at }));
  }
}
