import type { DataSource } from 'typeorm';
import { filterToSql } from '../impact/filter-sql';
import type { Group } from './group.entity';
import type { GroupYear } from './group-years.types';

export type GroupPlace = Pick<Group, 'country' | 'region' | 'subdivision'>;

/**
 * Groups as a person sees them. A coordinator sees a group that reported in their regions, only its
 * reports there, and the place it has there; everyone else sees every group and report.
 * Read from the raw reports through their index on group_id: one group's reports are few, and
 * they give the dates of the first and last report, which no summary table holds.
 */
export class GroupService {
  /** @param scope a coordinator's regions; null for no limit */
  constructor(
    private readonly db: DataSource,
    private readonly scope: string[] | null = null,
  ) {}

  /**
   * Where each group is, as a coordinator sees it. The place stored with a group is where it last
   * reported, in any region, so it may tell a coordinator where the group wrote elsewhere. A
   * coordinator sees instead the place of its latest stored report within their regions (of any
   * status: those reports are theirs to read), the same rule staff see applied to the part of its
   * history they may see. A group with no report in their regions is left out: not theirs to see.
   */
  async placesInScope(groupIds: readonly number[]): Promise<Map<number, GroupPlace>> {
    const f = filterToSql({ groupIds: groupIds.map(String) }, 'r', 0, this.scope);
    const rows: ({ group_id: number } & GroupPlace)[] = await this.db.query(
      `SELECT DISTINCT ON (r.group_id) r.group_id, r.country, r.region, r.subdivision
       FROM letter_report r WHERE ${f.where}
       ORDER BY r.group_id, r.id DESC`,
      f.params,
    );
    return new Map(rows.map(({ group_id, ...place }) => [group_id, place]));
  }

  /** Each group's figures per campaign year with reports, oldest first, in the key order given. */
  async years(groupIds: readonly number[]): Promise<GroupYear[][]> {
    const f = filterToSql({ groupIds: groupIds.map(String) }, 'r', 0, this.scope);
    const rows: { group_id: number; year: number; actions: string; reports: string; first_at: Date; last_at: Date }[] =
      await this.db.query(
        `SELECT r.group_id, r.year, sum(r.count) AS actions, count(*) AS reports,
                min(r.reported_at) AS first_at, max(r.reported_at) AS last_at
         FROM letter_report r WHERE r.status = 'ACTIVE' AND ${f.where}
         GROUP BY r.group_id, r.year ORDER BY r.group_id, r.year`,
        f.params,
      );
    return groupIds.map((id) =>
      rows
        .filter((r) => r.group_id === id)
        .map((r) => ({
          year: r.year,
          actions: Number(r.actions),
          reports: Number(r.reports),
          firstReportedAt: r.first_at,
          lastReportedAt: r.last_at,
        })),
    );
  }
}
