import type { DataSource } from 'typeorm';
import { filterToSql } from '../impact/filter-sql';
import type { GroupYear } from './group-years.types';

/**
 * One group as a person sees it. A coordinator sees a group based in their regions or one that
 * reported there, and only its reports there; everyone else sees every group and report.
 * Read from the raw reports through their index on group_id: one group's reports are few, and
 * they give the dates of the first and last report, which no summary table holds.
 */
export class GroupService {
  /** @param scope a coordinator's regions; null for no limit */
  constructor(
    private readonly db: DataSource,
    private readonly scope: string[] | null = null,
  ) {}

  /** Whether the group exists and may be shown to this person. */
  async isVisible(groupId: number): Promise<boolean> {
    // the same parameter ($2, the scope) serves both aliases
    const home = filterToSql({}, 'g', 1, this.scope);
    const reported = filterToSql({}, 'r', 1, this.scope);
    const rows = await this.db.query(
      `SELECT 1 FROM writing_group g
       WHERE g.id = $1::int AND (${home.where} OR EXISTS (
         SELECT 1 FROM letter_report r WHERE r.group_id = g.id AND r.status = 'ACTIVE' AND ${reported.where}))`,
      [groupId, ...home.params],
    );
    return rows.length > 0;
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
