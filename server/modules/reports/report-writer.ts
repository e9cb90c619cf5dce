import type { EntityManager } from 'typeorm';
import type { ReportRow, WriteOptions } from './report-row';

/**
 * Stores already-validated report rows, set-based: groups are upserted by ref, then the reports
 * are inserted with their case resolved by (year, slug) and their day computed in the campaign's
 * time zone. Runs inside the caller's transaction.
 */
export async function insertReports(db: EntityManager, rows: ReportRow[], options: WriteOptions): Promise<number> {
  if (rows.length === 0) return 0;
  await upsertGroups(db, rows);
  const column = <K extends keyof ReportRow>(key: K) => rows.map((r) => r[key]);
  const result: { id: number }[] = await db.query(
    `INSERT INTO letter_report (report_id, year, case_id, group_id, group_type, action_type, count, written_on,
       reported_at, day, country, region, subdivision, source, batch_id, created_by)
     SELECT u.report_id, u.year, k.id, g.id, coalesce(u.group_type, g.type, 'INDIVIDUAL'), u.action_type, u.count,
       u.written_on, u.reported_at, (u.reported_at AT TIME ZONE c.timezone)::date, u.country, u.region,
       u.subdivision, $13, $14, $15
     FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::date[],
                 $9::timestamptz[], $10::text[], $11::text[], $12::text[])
          AS u(report_id, year, case_slug, group_ref, group_type, action_type, count, written_on, reported_at,
               country, region, subdivision)
     JOIN campaign c ON c.year = u.year
     JOIN "case" k ON k.year = u.year AND k.slug = u.case_slug
     LEFT JOIN writing_group g ON g.ref = u.group_ref
     RETURNING id`,
    [
      column('reportId'),
      column('year'),
      column('caseSlug'),
      column('groupRef'),
      column('groupType'),
      column('actionType'),
      column('count'),
      column('writtenOn'),
      column('reportedAt'),
      column('country'),
      column('region'),
      column('subdivision'),
      options.source,
      options.batchId ?? null,
      options.createdBy ?? null,
    ],
  );
  if (result.length !== rows.length) {
    // Callers validate first; a row whose case or campaign vanished must not be dropped silently.
    throw new Error(`stored ${result.length} of ${rows.length} reports: a campaign or case was not found`);
  }
  return result.length;
}

/** Creates or updates groups by ref; the last row of a ref decides its name, type and area. */
async function upsertGroups(db: EntityManager, rows: ReportRow[]): Promise<void> {
  const byRef = new Map<string, ReportRow>();
  for (const r of rows) if (r.groupRef) byRef.set(r.groupRef, r);
  if (byRef.size === 0) return;
  const groups = [...byRef.values()];
  await db.query(
    `INSERT INTO writing_group (ref, name, type, country, region, subdivision)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     ON CONFLICT (ref) DO UPDATE SET name = excluded.name, type = excluded.type, country = excluded.country,
       region = excluded.region, subdivision = excluded.subdivision, updated_at = now()
     WHERE (writing_group.name, writing_group.type, writing_group.country, writing_group.region, writing_group.subdivision)
       IS DISTINCT FROM (excluded.name, excluded.type, excluded.country, excluded.region, excluded.subdivision)`,
    [
      groups.map((g) => g.groupRef),
      groups.map((g) => g.groupName || g.groupRef),
      groups.map((g) => g.groupType ?? 'LOCAL_GROUP'),
      groups.map((g) => g.country),
      groups.map((g) => g.region),
      groups.map((g) => g.subdivision),
    ],
  );
}
