import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../db/savepoint';
import { bumpDataVersionAfter, partsOf } from '../../data-version';
import { rollupUpdates } from '../rollups/rollup-maintenance';
import { stagedProblems } from './ingest-checks';
import { ConcurrentWriteError, MAX_LISTED_ERRORS, type RowError } from './ingest-result';
import { insertReportsSql, upsertGroupsSql } from './ingest-staging';
import type { ReportRow, WriteOptions } from './report-row';

/** The row as the staging table's columns ($4 on; $1 to $3 are insertReportsSql's), line 1. */
const ROW_AS_STAGING = `staging (line, report_id, year, case_slug, group_ref, group_name, group_type, action_type, count,
    written_on, reported_at, country, region, subdivision) AS (
    VALUES (1, $4::text COLLATE "C", $5::int, $6::text, $7::text, $8::text, $9::text, $10::text, $11::int,
      $12::date, $13::timestamptz, $14::text, $15::text, $16::text))`;

/**
 * The report's group as the insert looks it up: as this write created or changed it (`upserted`), else as
 * stored. The statement's CTEs all read one snapshot, so a group created here is seen only through its RETURNING.
 */
const GROUP_SEEN = `LATERAL (SELECT id, ref FROM upserted WHERE ref = s.group_ref
  UNION ALL SELECT id, ref FROM writing_group WHERE ref = s.group_ref LIMIT 1)`;

/**
 * Checks, creates or updates the group, and inserts the report in one statement: the one row as a
 * VALUES list named `staging` that the import's SQL reads (stagedProblems, upsertGroupsSql,
 * insertReportsSql), so a form's write is a few round trips instead of a staging table's dozen,
 * each waiting its turn on a busy event loop. The group is stored before the report in the
 * statement (the insert reads it), as the lock order has it (rollup-maintenance.ts). A report
 * whose group this statement cannot see (`group_unseen`) is not inserted.
 */
const STORE_ROW = `WITH ${ROW_AS_STAGING},
  repeated (report_id) AS (SELECT NULL::text WHERE false),
  problems AS MATERIALIZED (${stagedProblems()}),
  upserted AS (${upsertGroupsSql(
    `(SELECT group_ref AS ref, group_name AS name, group_type AS type, country, region, subdivision
      FROM staging WHERE group_ref IS NOT NULL) AS records`,
    'AND NOT EXISTS (SELECT 1 FROM problems)',
    'RETURNING id, ref',
  )}),
  ins AS (${insertReportsSql('staging', {
    groups: GROUP_SEEN,
    where: `WHERE NOT EXISTS (SELECT 1 FROM problems) AND NOT EXISTS (SELECT 1 FROM letter_report r WHERE r.report_id = s.report_id)
      AND (s.group_ref IS NULL OR g.id IS NOT NULL)`,
    everyColumn: true,
  })})
  SELECT (SELECT array_agg(id) FROM ins) AS ids, (SELECT to_jsonb(ins) FROM ins LIMIT 1) AS report,
    (SELECT json_agg(p) FROM (SELECT * FROM problems ORDER BY line LIMIT ${MAX_LISTED_ERRORS}) p) AS errors,
    EXISTS (SELECT 1 FROM staging s WHERE s.group_ref IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM upserted u WHERE u.ref = s.group_ref)
        AND NOT EXISTS (SELECT 1 FROM writing_group w WHERE w.ref = s.group_ref)) AS group_unseen`;

/** `report`: the new report's row (its columns by name, as JSON gives them), when this write stored it (not when it was sent again). */
export type StoredRow = { errors: RowError[] } | { errors: null; id: number; report?: Record<string, unknown> };

/**
 * Stores one validated report in the caller's transaction, with the checks of an import: the id of
 * the new report (`stored`), or of the same report stored before (sent again), or the errors (the
 * caller rolls back). `options` as for an import (a correction's replaced report and the caller's
 * steps, see WriteOptions); the summary tables and the data version follow in one round trip (with
 * options.transaction, the COMMIT too).
 */
export async function storeRow(db: EntityManager, row: ReportRow, options: WriteOptions): Promise<StoredRow> {
  const { source, batchId = null, createdBy = null, replacing = [] } = options;
  // a short transaction opens with its first statement, whichever that is
  const statements: Pick<EntityManager, 'query'> = options.transaction ?? db;
  // a correction locks what it replaces after its group, as every writer does (rollup-maintenance.ts)
  if (options.lockReplaced) {
    if (row.groupRef) await statements.query(`SELECT 1 FROM writing_group WHERE ref = $1 FOR UPDATE`, [row.groupRef]);
    await options.lockReplaced();
  }
  const params = [
    source, batchId, createdBy,
    row.reportId, row.year, row.caseSlug, row.groupRef, row.groupName, row.groupType, row.actionType, row.count,
    row.writtenOn, row.reportedAt, row.country, row.region, row.subdivision,
  ];
  const run = async (): Promise<{ ids: number[] | null; report: Record<string, unknown> | null; errors: RowError[] | null; group_unseen: boolean }> => {
    try {
      return (await statements.query(STORE_ROW, params))[0];
    } catch (error) {
      // the same id stored by another writer since this statement's snapshot
      throw isUniqueViolation(error) ? new ConcurrentWriteError() : error;
    }
  };
  let result = await run();
  // Its group was created by another writer since the statement's snapshot (the upsert waited for
  // it and left it as it was): the statement stored nothing, and sees the group when run again.
  if (result.group_unseen) result = await run();
  // still unseen (it cannot be, short of a bug): refused as a concurrent write, never stored without its group
  if (result.group_unseen) throw new ConcurrentWriteError();
  if (result.errors) return { errors: result.errors };
  const ids = result.ids ?? [];
  if (ids.length > 0 || replacing.length > 0) {
    await options.beforeSummaries?.(ids);
    const replaced = replacing.length > 0 ? await partsOf(db, 'letter_report WHERE id = ANY($1::int[])', [replacing]) : [];
    await bumpDataVersionAfter(db, rollupUpdates(ids, replacing), [{ year: row.year, region: row.region, country: row.country }, ...replaced], options.transaction);
  }
  if (ids.length > 0) return { errors: null, id: ids[0], report: result.report! };
  const [stored] = await statements.query(`SELECT id FROM letter_report WHERE report_id = $1`, [row.reportId]);
  return { errors: null, id: stored.id };
}
