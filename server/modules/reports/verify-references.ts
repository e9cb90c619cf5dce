import type { DataSource, EntityManager } from 'typeorm';

/**
 * letter_report has no foreign keys to its campaign, case, group and batch (they would cost imports
 * a third of their speed), so verification checks that each of them exists.
 */
export async function findOrphanReports(db: DataSource | EntityManager): Promise<{ reference: string; reports: number }[]> {
  const [row] = await db.query(`
    SELECT
      count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM campaign c WHERE c.year = r.year))::int AS campaign,
      count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM "case" k WHERE k.id = r.case_id AND k.year = r.year))::int AS "case",
      count(*) FILTER (WHERE r.group_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM writing_group g WHERE g.id = r.group_id))::int AS "group",
      count(*) FILTER (WHERE r.batch_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM import_batch b WHERE b.id = r.batch_id))::int AS batch
    FROM letter_report r`);
  return Object.entries(row as Record<string, number>)
    .filter(([, n]) => n > 0)
    .map(([reference, reports]) => ({ reference, reports }));
}
