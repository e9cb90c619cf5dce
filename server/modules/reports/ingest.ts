import type { EntityManager } from 'typeorm';
import { applyToRollups, bumpDataVersion } from '../rollups/rollup-maintenance';
import type { ReportColumn } from './report-fields';
import type { ReportRow, WriteOptions } from './report-row';

export interface RowError {
  /** Line in the file (the form's single row is line 1). */
  line: number;
  column: ReportColumn | '(row)' | '(file)';
  reason: string;
}

export interface IngestResult {
  read: number;
  imported: number;
  duplicates: number;
  /** Rows with at least one error. */
  rejected: number;
  /** The first errors, in line order. */
  errors: RowError[];
  errorCount: number;
  /** Ids of the reports stored (only for small writes: imports use their batch). */
  ids: number[];
}

export const MAX_LISTED_ERRORS = 50;
const STAGE_BATCH = 5000;

/** Raised when another writer stored the same report id between our checks and our insert. */
export class ConcurrentWriteError extends Error {}

/**
 * Stores validated report rows set-based, the one path for imports, forms and the demo data:
 * rows go into a temporary staging table; checks that need the database (campaign for the year, case
 * slug in that year, the same id with other content in the file or already stored) run as a few
 * queries; then groups are upserted, new reports inserted, and the summary tables updated, all in the
 * caller's transaction. With any error nothing is written: the caller rolls back.
 */
export class ReportIngest {
  private staged = 0;

  constructor(
    private readonly db: EntityManager,
    private readonly options: WriteOptions,
  ) {}

  async begin(): Promise<void> {
    await this.db.query(`
      CREATE TEMP TABLE staging (
        line int NOT NULL, report_id text NOT NULL, year int NOT NULL, case_slug text NOT NULL,
        group_ref text, group_name text, group_type text, action_type text NOT NULL, count int NOT NULL,
        written_on date, reported_at timestamptz NOT NULL, country text NOT NULL, region text NOT NULL,
        subdivision text
      ) ON COMMIT DROP`);
  }

  /** Adds rows to the staging table; call as often as needed (rows are sent in batches). */
  async add(rows: { line: number; row: ReportRow }[]): Promise<void> {
    for (let i = 0; i < rows.length; i += STAGE_BATCH) {
      const part = rows.slice(i, i + STAGE_BATCH);
      const col = <K extends keyof ReportRow>(key: K) => part.map((r) => r.row[key]);
      await this.db.query(
        `INSERT INTO staging SELECT * FROM unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[],
           $7::text[], $8::text[], $9::int[], $10::date[], $11::timestamptz[], $12::text[], $13::text[], $14::text[])`,
        [
          part.map((r) => r.line),
          col('reportId'),
          col('year'),
          col('caseSlug'),
          col('groupRef'),
          col('groupName'),
          col('groupType'),
          col('actionType'),
          col('count'),
          col('writtenOn'),
          col('reportedAt'),
          col('country'),
          col('region'),
          col('subdivision'),
        ],
      );
      this.staged += part.length;
    }
  }

  /** Runs the database checks; stores everything when there is no error. */
  async finish(earlierErrors: { errors: RowError[]; count: number; rows: number } = { errors: [], count: 0, rows: 0 }) {
    await this.db.query(`ANALYZE staging`);
    const checks = await this.check();
    const errorCount = earlierErrors.count + checks.count;
    const result: IngestResult = {
      read: this.staged + earlierErrors.rows,
      imported: 0,
      duplicates: 0,
      rejected: earlierErrors.rows + checks.rows,
      errors: [...earlierErrors.errors, ...checks.errors].sort((a, b) => a.line - b.line).slice(0, MAX_LISTED_ERRORS),
      errorCount,
      ids: [],
    };
    if (errorCount > 0) return result;
    await this.upsertGroups();
    const ids = await this.insertReports();
    result.imported = ids.length;
    result.duplicates = this.staged - ids.length;
    if (ids.length > 0) {
      await applyToRollups(this.db, this.options.batchId != null ? { batchId: this.options.batchId } : { ids }, 1);
      await bumpDataVersion(this.db);
    }
    result.ids = ids.length <= 1000 ? ids : [];
    return result;
  }

  private async check(): Promise<{ errors: RowError[]; count: number; rows: number }> {
    const [content, storedContent] = [
      `(s.year, s.case_slug, s.group_ref, s.action_type, s.count, s.written_on, s.reported_at, s.country, s.region, s.subdivision)`,
      `(r.year, k.slug, g.ref, r.action_type, r.count, r.written_on, r.reported_at, r.country, r.region, r.subdivision)`,
    ];
    const problems = `
      SELECT s.line, 'year' AS "column", format('there is no campaign for %s', s.year) AS reason
      FROM staging s WHERE NOT EXISTS (SELECT 1 FROM campaign c WHERE c.year = s.year)
      UNION ALL
      SELECT s.line, 'case', format('no case "%s" in the %s campaign', s.case_slug, s.year)
      FROM staging s WHERE EXISTS (SELECT 1 FROM campaign c WHERE c.year = s.year)
        AND NOT EXISTS (SELECT 1 FROM "case" k WHERE k.year = s.year AND k.slug = s.case_slug)
      UNION ALL
      SELECT s.line, 'report_id', format('report_id "%s" is also on line %s with different content', s.report_id, f.line)
      FROM staging s JOIN LATERAL (
        SELECT s2.line FROM staging s2 WHERE s2.report_id = s.report_id AND s2.line < s.line ORDER BY s2.line LIMIT 1
      ) f ON true
      WHERE s.report_id IN (SELECT s.report_id FROM staging s GROUP BY s.report_id HAVING count(DISTINCT ${content}) > 1)
      UNION ALL
      SELECT s.line, 'report_id',
        format('report_id "%s" is already stored with different content; use correctReport to change a report', s.report_id)
      FROM staging s JOIN letter_report r ON r.report_id = s.report_id
      JOIN "case" k ON k.id = r.case_id LEFT JOIN writing_group g ON g.id = r.group_id
      WHERE ${content} IS DISTINCT FROM ${storedContent}`;
    const [summary] = await this.db.query(
      `SELECT count(*)::int AS count, count(DISTINCT line)::int AS rows FROM (${problems}) p`,
    );
    if (summary.count === 0) return { errors: [], count: 0, rows: 0 };
    const errors = await this.db.query(`SELECT * FROM (${problems}) p ORDER BY line LIMIT ${MAX_LISTED_ERRORS}`);
    return { errors, count: summary.count, rows: summary.rows };
  }

  /** Creates or updates groups by ref; the last line of a ref decides its name, type and area. */
  private async upsertGroups(): Promise<void> {
    await this.db.query(`
      INSERT INTO writing_group (ref, name, type, country, region, subdivision)
      SELECT DISTINCT ON (group_ref) group_ref, group_name, group_type, country, region, subdivision
      FROM staging WHERE group_ref IS NOT NULL ORDER BY group_ref, line DESC
      ON CONFLICT (ref) DO UPDATE SET name = excluded.name, type = excluded.type, country = excluded.country,
        region = excluded.region, subdivision = excluded.subdivision, updated_at = now()
      WHERE (writing_group.name, writing_group.type, writing_group.country, writing_group.region, writing_group.subdivision)
        IS DISTINCT FROM (excluded.name, excluded.type, excluded.country, excluded.region, excluded.subdivision)`);
  }

  /** Inserts the reports not stored yet (the first line of an id repeated in the file). */
  private async insertReports(): Promise<number[]> {
    const { source, batchId = null, createdBy = null } = this.options;
    const [{ expected }] = await this.db.query(
      `SELECT count(DISTINCT s.report_id)::int AS expected FROM staging s
       WHERE NOT EXISTS (SELECT 1 FROM letter_report r WHERE r.report_id = s.report_id)`,
    );
    const rows: { id: number }[] = await this.db.query(
      `INSERT INTO letter_report (report_id, year, case_id, group_id, group_type, action_type, count, written_on,
         reported_at, day, country, region, subdivision, source, batch_id, created_by)
       SELECT DISTINCT ON (s.report_id) s.report_id, s.year, k.id, g.id, coalesce(s.group_type, 'INDIVIDUAL'),
         s.action_type, s.count, s.written_on, s.reported_at, (s.reported_at AT TIME ZONE c.timezone)::date,
         s.country, s.region, s.subdivision, $1, $2, $3
       FROM staging s
       JOIN campaign c ON c.year = s.year
       JOIN "case" k ON k.year = s.year AND k.slug = s.case_slug
       LEFT JOIN writing_group g ON g.ref = s.group_ref
       WHERE NOT EXISTS (SELECT 1 FROM letter_report r WHERE r.report_id = s.report_id)
       ORDER BY s.report_id, s.line
       ON CONFLICT (report_id) DO NOTHING
       RETURNING id`,
      [source, batchId, createdBy],
    );
    if (rows.length !== expected) {
      throw new ConcurrentWriteError(
        `${expected - rows.length} report id(s) were stored by another writer during this import; run it again`,
      );
    }
    return rows.map((r) => r.id);
  }
}
