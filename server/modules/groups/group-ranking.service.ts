import type { DataSource } from 'typeorm';
import { impactSource } from '../impact/impact-source';
import type { ImpactFilter } from '../impact/impact-filter.input';
import { decodeGroupCursor, oneRowPerGroup, toGroupPage, type GroupPage, type GroupPageRow } from './group-page';

export interface RankingQuery {
  filter: ImpactFilter;
  /** Part of a name or ref; null or blank for every group. */
  search?: string | null;
  first: number;
  after?: string | null;
}

export type RankingPage = GroupPage<{ rank: number; reports: number }>;

/**
 * Groups ranked by their actions under a filter, searched by name or ref, a page at a time.
 * The figures come from the smallest table that answers the filter (rollup_group for years,
 * rollup_region_group for regions, rollup_area_group for other area filters, the raw reports for case, action type, group type or dates),
 * within the coordinator's scope. The rank is taken before the search, so a group found by name
 * keeps its place in the ranking.
 */
export class GroupRankingService {
  /** @param scope a coordinator's regions; null for no limit */
  constructor(
    private readonly db: DataSource,
    private readonly scope: string[] | null = null,
  ) {}

  async page(q: RankingQuery): Promise<RankingPage> {
    const position = q.after ? decodeGroupCursor(q.after, 'groupRanking') : null;
    const search = q.search?.trim().toLowerCase() || null;
    const s = impactSource(q.filter, ['group_id'], 4, this.scope);
    // one row per group (a year of rollup_group, or of one region's rollup_region_group): its ranking
    // index gives the page, and a group's rank is the number of groups above it plus one, without
    // sorting them all
    const rowsOfGroups = oneRowPerGroup(s.table, q.filter, this.scope);
    const ranked = rowsOfGroups
      ? `ranked AS NOT MATERIALIZED (
           SELECT r.group_id, r.actions, r.reports ${s.from} AND r.group_id IS NOT NULL)`
      : `g AS (
           SELECT r.group_id, ${s.actions} AS actions, ${s.reports} AS reports ${s.from} AND r.group_id IS NOT NULL
           GROUP BY r.group_id),
         ranked AS (SELECT g.*, rank() OVER (ORDER BY g.actions DESC)::int AS rank FROM g)`;
    const rank = rowsOfGroups ? `(SELECT count(*) FROM ranked a WHERE a.actions > p.actions)::int + 1 AS rank,` : '';
    const rows: (GroupPageRow & { rank: number; reports: string })[] = await this.db.query(
      `WITH ${ranked},
       matched AS ${rowsOfGroups ? 'NOT MATERIALIZED ' : ''}(
         SELECT ranked.* FROM ranked
         WHERE $3::text IS NULL OR EXISTS (
           SELECT 1 FROM writing_group w
           WHERE w.id = ranked.group_id AND (strpos(lower(w.name), $3::text) > 0 OR strpos(lower(w.ref), $3::text) > 0))),
       page AS (
         SELECT m.* FROM matched m
         WHERE $1::bigint IS NULL OR (m.actions <= $1::bigint AND (m.actions < $1::bigint OR m.group_id > $2::int))
         ORDER BY m.actions DESC, m.group_id
         LIMIT $4::int)
       SELECT t.total, ${rank} p.* FROM (SELECT count(*)::int AS total FROM matched) t
       LEFT JOIN page p ON true
       ORDER BY p.actions DESC, p.group_id`,
      [position?.actions ?? null, position?.groupId ?? null, search, q.first + 1, ...s.params],
    );
    return toGroupPage(rows, q.first, (r) => ({ rank: r.rank, reports: Number(r.reports) }));
  }
}
