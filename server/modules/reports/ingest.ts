import type { EntityManager } from 'typeorm';
import {
  applyRollupDeltas, bumpDataVersion, createRollupDeltas, ROLLUP_SOURCE_COLUMNS, rollupDeltaInserts, rollupUpserts,
} from '../rollups/rollup-maintenance';
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
const STAGE_BATCH = 50_000;
const UNIT = '\u001f';
const RECORD = '\u001e';
/** The records of $1 (joined with RECORD), each as a text array `a` of its fields (joined with UNIT); OFFSET 0 keeps PostgreSQL from splitting a record once per field read. */
const SPLIT_RECORDS = `(SELECT string_to_array(record, E'\\x1f') AS a FROM string_to_table($1::text, E'\\x1e') AS record OFFSET 0) AS rows`;


/** A staged row's content (`s`) and a stored report's (`r`, its case `k`, its group `g`): equal for the same report. */
const CONTENT = `(s.year, s.case_slug, s.group_ref, s.action_type, s.count, s.written_on, s.reported_at, s.country, s.region, s.subdivision)`;
const STORED_CONTENT = `(r.year, k.slug, g.ref, r.action_type, r.count, r.written_on, r.reported_at, r.country, r.region, r.subdivision)`;

/** Raised when another writer stored the same report id between our checks and our insert. */
export class ConcurrentWriteError extends Error {}

const concurrentWrite = () => new ConcurrentWriteError('another writer stored one of these report ids at the same time; run the import again');
const isUniqueViolation = (error: unknown) => (error as { driverError?: { code?: string } }).driverError?.code === '23505';
/** Staged rows above which the insert assumes no id is repeated in the file (see finish). */
const OPTIMISTIC_FROM = 1000;

/**
 * Stores validated report rows set-based, the one path for imports, forms and the demo data:
 * rows go into a temporary staging table; checks that need the database (campaign for the year, case
 * slug in that year, the same id with other content in the file or already stored) run as a few
 * queries; then groups are upserted, new reports inserted, and the summary tables updated, all in the
 * caller's transaction. With any error nothing is written: the caller rolls back.
 * A large CSV import calls pipelined() first: parts are then stored while the rest of the file is
 * still being parsed, and the same checks run over the whole file at finish().
 */
export class ReportIngest {
  private staged = 0;
  /** Where add() stages: `staging`, or in a pipelined import the current part (a child table of it). */
  private target = 'staging';
  /** Pipelined import: rows of a part, staged rows stored so far, and whether storing stopped at a problem. */
  private pipeline?: { every: number; parts: number; partRows: number; stored: number; halted: boolean; skipping: boolean };
  /** Group refs as last sent to the database while pipelined: name, type and area. */
  private readonly sentGroups = new Map<string, string>();
  /** Milliseconds spent in each step, for the benchmark's breakdown. */
  readonly timings: Record<string, number> = {};
  private hasRepeatedIds = false;
  /** The last row of each group ref: it decides the group's name, type and area. */
  private readonly groups = new Map<string, { line: number; row: ReportRow }>();

  constructor(
    private readonly db: EntityManager,
    private readonly options: WriteOptions,
  ) {}

  private async timed<T>(step: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.timings[step] = (this.timings[step] ?? 0) + Math.round(performance.now() - started);
    }
  }

  async begin(): Promise<void> {
    // Sorts and hashes over a million staged rows stay in memory instead of spilling to disk, and a
    // file of ten million rows may take longer than the usual statement timeout.
    await this.db.query(`SET LOCAL work_mem = '128MB'`);
    await this.db.query(`SET LOCAL statement_timeout = '2h'`);
    // A killed importer leaves its statement running until it ends (PostgreSQL checks the socket only
    // when it next reads or writes), holding locks on summary rows that live writes wait for. With
    // this PostgreSQL notices the closed connection within a second and rolls back.
    await this.db.query(`SET LOCAL client_connection_check_interval = '1s'`);
    await this.db.query(`
      CREATE TEMP TABLE staging (
        line int NOT NULL, report_id text COLLATE "C" NOT NULL, year int NOT NULL, case_slug text NOT NULL,
        group_ref text, group_name text, group_type text, action_type text NOT NULL, count int NOT NULL,
        written_on date, reported_at timestamptz NOT NULL, country text NOT NULL, region text NOT NULL,
        subdivision text,
        case_id int, -- resolved while staging: NULL when the year or the case is unknown
        day date     -- reported_at in the campaign's time zone
      ) ON COMMIT DROP`);
    await this.db.query(`CREATE TEMP TABLE repeated (report_id text COLLATE "C") ON COMMIT DROP`);
  }

  /**
   * Adds rows to the staging table, a batch at a time. A batch travels as one text value with
   * record and unit separators, split by PostgreSQL: five times faster than typed arrays. Validated
   * fields never contain those control characters. The text is made at once; the database work is
   * queued after that of earlier calls, so a caller may go on parsing while it runs (the promise
   * settles when this call's rows are staged, and stored when a part is full, see pipelined).
   */
  add(rows: { line: number; row: ReportRow }[]): Promise<void> {
    const batches: { text: string; rows: number }[] = [];
    const size = Math.min(STAGE_BATCH, this.pipeline?.every ?? STAGE_BATCH);
    for (let i = 0; i < rows.length; i += size) {
      const part = rows.slice(i, i + size);
      const text = part.map(({ line, row: r }) =>
        [line, r.reportId, r.year, r.caseSlug, r.groupRef, r.groupName, r.groupType, r.actionType, r.count,
          r.writtenOn, r.reportedAt, r.country, r.region, r.subdivision].map((v) => v ?? '').join(UNIT),
      );
      batches.push({ text: text.join(RECORD), rows: part.length });
      for (const { line, row } of part) if (row.groupRef) this.groups.set(row.groupRef, { line, row });
    }
    const done = this.work.then(async () => {
      for (const batch of batches) await this.stage(batch.text, batch.rows);
    });
    this.work = done;
    return done;
  }

  /** The database work queued by add(): finish() waits for it. */
  private work: Promise<void> = Promise.resolve();

  private async stage(text: string, rows: number): Promise<void> {
    await this.timed('stage', () => this.db.query(
      `INSERT INTO ${this.target}
       SELECT s.*, k.id, (s.reported_at AT TIME ZONE c.timezone)::date
       FROM (SELECT a[1]::int AS line, a[2] AS report_id, a[3]::int AS year, a[4] AS case_slug, nullif(a[5], ''),
               nullif(a[6], ''), nullif(a[7], ''), a[8], a[9]::int, nullif(a[10], '')::date,
               a[11]::timestamptz AS reported_at, a[12], a[13], nullif(a[14], '')
             FROM ${SPLIT_RECORDS}) AS s
       LEFT JOIN campaign c ON c.year = s.year
       LEFT JOIN "case" k ON k.year = s.year AND k.slug = s.case_slug`,
      [text],
    ));
    this.staged += rows;
    if (this.pipeline) {
      this.pipeline.partRows += rows;
      if (this.pipeline.partRows >= this.pipeline.every) await this.storePart();
    }
  }

  /**
   * A large import stores its rows a part at a time while the rest of the file is still read and
   * staged (in the caller's one transaction, so still all or nothing): the database inserts one
   * part while Node parses the next. Each part is staged in its own child table of `staging` (the
   * checks of finish() still see every row). A part is inserted as new reports; once the unique
   * index finds an id already stored (before this file, or on an earlier line of it), parts are
   * inserted with ON CONFLICT DO NOTHING (see insertPartOnce); when a row is skipped,
   * the part's rows are compared with the stored ones, and a difference halts storing. Sums go to
   * delta tables, added to the summary tables once at the end (createRollupDeltas). Storing
   * also halts at an unknown year or case, or when the caller calls halt() (a row it refused):
   * finish() then runs the checks over the whole file, leaving out the rows this batch stored, and
   * reports every error; the caller rolls back. Needs options.batchId (it tells this file's rows).
   */
  async pipelined(every: number): Promise<void> {
    if (this.options.batchId == null) throw new Error('a pipelined import needs a batch id');
    this.pipeline = { every, parts: 0, partRows: 0, stored: 0, halted: false, skipping: false };
    for (const sql of createRollupDeltas) await this.db.query(sql);
    await this.nextPart();
  }

  /** Stops storing parts: the file has an error, so it will be rolled back anyway. */
  halt(): void {
    if (this.pipeline) this.pipeline.halted = true;
  }

  private async nextPart(): Promise<void> {
    const p = this.pipeline!;
    this.target = `staging_${++p.parts}`;
    p.partRows = 0;
    await this.db.query(`CREATE TEMP TABLE ${this.target} () INHERITS (staging) ON COMMIT DROP`);
  }

  /** Inserts the current part (unless storing halted) and starts the next one, unless it is the last. */
  private async storePart(last = false): Promise<void> {
    const p = this.pipeline!;
    const part = this.target;
    if (!p.halted && p.partRows > 0) {
      await this.timed('groups', () => this.upsertGroups(true));
      const count = await this.timed('insert', () => this.insertPartOnce(part));
      p.stored += count;
      // every row stored: no unknown case, no id stored before; else look why
      if (count < p.partRows && (await this.timed('check', () => this.partHasProblem(part)))) p.halted = true;
    }
    if (!last) await this.nextPart();
  }

  /**
   * Inserts a part as new reports (ON CONFLICT costs a third more): when the unique index on
   * report_id stops it, goes back to a savepoint and inserts it again skipping ids stored, as
   * every later part of the file (an import run again, an id repeated in the file).
   */
  private async insertPartOnce(part: string): Promise<number> {
    const p = this.pipeline!;
    if (p.skipping) return this.insertPart(part, true);
    await this.db.query(`SAVEPOINT store_part`);
    try {
      const count = await this.insertPart(part, false);
      await this.db.query(`RELEASE SAVEPOINT store_part`);
      return count;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await this.db.query(`ROLLBACK TO SAVEPOINT store_part`);
      await this.db.query(`RELEASE SAVEPOINT store_part`);
      p.skipping = true;
      return this.insertPart(part, true);
    }
  }

  /** Inserts a part's rows (of a known case; with `skip`, those not stored yet), adding them to the summary deltas in the same statement. */
  private async insertPart(part: string, skip: boolean): Promise<number> {
    const { source, batchId = null, createdBy = null } = this.options;
    const summaries = rollupDeltaInserts('ins r').map((sql, i) => `, summary${i} AS (${sql})`).join('\n');
    const [{ count }] = await this.db.query(
      `WITH ins AS (
         INSERT INTO letter_report (report_id, year, case_id, group_id, group_type, action_type, count, written_on,
           reported_at, day, country, region, subdivision, source, batch_id, created_by)
         SELECT s.report_id, s.year, s.case_id, g.id, coalesce(s.group_type, 'INDIVIDUAL'),
           s.action_type, s.count, s.written_on, s.reported_at, s.day, s.country, s.region, s.subdivision, $1, $2, $3
         FROM ${part} s
         LEFT JOIN writing_group g ON g.ref = s.group_ref
         WHERE s.case_id IS NOT NULL
         ${skip ? 'ON CONFLICT (report_id) DO NOTHING' : ''}
         RETURNING ${ROLLUP_SOURCE_COLUMNS.join(', ')})
       ${summaries}
       SELECT count(*)::int AS count FROM ins`,
      [source, batchId, createdBy],
    );
    return count;
  }

  /** True when a row of the part has an unknown year or case, or an id stored (by now) with other content. */
  private async partHasProblem(part: string): Promise<boolean> {
    const [{ problem }] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM ${part} WHERE case_id IS NULL) OR EXISTS (
         SELECT 1 FROM ${part} s JOIN letter_report r ON r.report_id = s.report_id
         JOIN "case" k ON k.id = r.case_id LEFT JOIN writing_group g ON g.id = r.group_id
         WHERE ${CONTENT} IS DISTINCT FROM ${STORED_CONTENT}) AS problem`,
    );
    return problem;
  }

  /** Runs the database checks; stores everything when there is no error. */
  async finish(earlierErrors: { errors: RowError[]; count: number; rows: number } = { errors: [], count: 0, rows: 0 }) {
    await this.work;
    if (this.pipeline) return this.finishPipelined(earlierErrors);
    await this.timed('analyze', () => this.db.query(`ANALYZE staging`));
    // Ids on more than one line of the file are rare, and looking for them sorts every staged row
    // (13 s at 10 M rows). A large file is inserted assuming there are none: the unique index on
    // report_id stops the insert at a repeated id, which is then looked for, checked, and the
    // insert runs again (from a savepoint). A small write looks first, as it costs nothing.
    const optimistic = this.staged > OPTIMISTIC_FROM;
    if (!optimistic) await this.findRepeatedIds();
    let checks = await this.timed('check', () => this.check());
    const result: IngestResult = {
      read: this.staged + earlierErrors.rows,
      imported: 0,
      duplicates: 0,
      rejected: 0,
      errors: [],
      errorCount: 0,
      ids: [],
    };
    const withChecks = () => {
      result.errorCount = earlierErrors.count + checks.count;
      result.rejected = earlierErrors.rows + checks.rows;
      result.errors = [...earlierErrors.errors, ...checks.errors].sort((a, b) => a.line - b.line).slice(0, MAX_LISTED_ERRORS);
      return result;
    };
    if (withChecks().errorCount > 0) return result;
    await this.timed('groups', () => this.upsertGroups());
    let inserted: { count: number; ids: number[] };
    if (optimistic) {
      await this.db.query(`SAVEPOINT before_insert`);
      try {
        inserted = await this.timed('insert', () => this.insertReports());
        await this.db.query(`RELEASE SAVEPOINT before_insert`);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        await this.db.query(`ROLLBACK TO SAVEPOINT before_insert`);
        // no id repeated in the file: another writer stored one of them meanwhile
        if (!(await this.findRepeatedIds())) throw concurrentWrite();
        checks = await this.timed('check', () => this.check());
        if (withChecks().errorCount > 0) return result;
        inserted = await this.timed('insert', () => this.insertOrConcurrent());
      }
    } else {
      inserted = await this.timed('insert', () => this.insertOrConcurrent());
    }
    result.imported = inserted.count;
    result.duplicates = this.staged - inserted.count;
    result.ids = inserted.ids;
    if (inserted.count > 0) await bumpDataVersion(this.db);
    return result;
  }

  private async finishPipelined(earlierErrors: { errors: RowError[]; count: number; rows: number }): Promise<IngestResult> {
    const p = this.pipeline!;
    if (earlierErrors.count > 0) p.halted = true;
    await this.storePart(true);
    const result: IngestResult = {
      read: this.staged + earlierErrors.rows,
      imported: p.stored,
      duplicates: this.staged - p.stored,
      rejected: 0,
      errors: [],
      errorCount: 0,
      ids: [],
    };
    if (p.halted) {
      // the checks of a file stored at once, over every staged row, leaving out what this file stored
      await this.timed('analyze', () => this.db.query(`ANALYZE staging`));
      await this.findRepeatedIds();
      const checks = await this.timed('check', () => this.check());
      result.imported = 0;
      result.duplicates = 0;
      result.errorCount = earlierErrors.count + checks.count;
      result.rejected = earlierErrors.rows + checks.rows;
      result.errors = [...earlierErrors.errors, ...checks.errors].sort((a, b) => a.line - b.line).slice(0, MAX_LISTED_ERRORS);
      // storing halts only at an error the checks find; never commit a file that was not stored whole
      if (result.errorCount === 0) throw new Error('the import stopped storing, but the checks found no error');
      return result;
    }
    if (p.stored > 0) {
      await this.timed('summaries', () => applyRollupDeltas(this.db));
      await bumpDataVersion(this.db);
    }
    return result;
  }

  /** Lists ids on more than one line of the file in `repeated`; true when there are any. */
  private async findRepeatedIds(): Promise<boolean> {
    await this.timed('repeated', () =>
      this.db.query(`INSERT INTO repeated SELECT report_id FROM staging GROUP BY report_id HAVING count(*) > 1`),
    );
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM repeated`);
    this.hasRepeatedIds = n > 0;
    return this.hasRepeatedIds;
  }

  private async check(): Promise<{ errors: RowError[]; count: number; rows: number }> {
    const firstContent = `(f.year, f.case_slug, f.group_ref, f.action_type, f.count, f.written_on, f.reported_at, f.country, f.region, f.subdivision)`;
    const [content, storedContent] = [CONTENT, STORED_CONTENT];
    // a pipelined import has stored some of its rows already: those are not "already stored"
    const before = this.pipeline ? `AND r.batch_id IS DISTINCT FROM ${Number(this.options.batchId)}` : '';
    const problems = `
      SELECT s.line, 'year' AS "column", format('there is no campaign for %s', s.year) AS reason
      FROM staging s WHERE s.case_id IS NULL AND NOT EXISTS (SELECT 1 FROM campaign c WHERE c.year = s.year)
      UNION ALL
      SELECT s.line, 'case', format('no case "%s" in the %s campaign', s.case_slug, s.year)
      FROM staging s WHERE s.case_id IS NULL AND EXISTS (SELECT 1 FROM campaign c WHERE c.year = s.year)
      UNION ALL
      SELECT s.line, 'report_id', format('report_id "%s" is also on line %s with different content', s.report_id, f.line)
      FROM staging s JOIN (
        SELECT DISTINCT ON (report_id) * FROM staging JOIN repeated USING (report_id) ORDER BY report_id, line
      ) f ON f.report_id = s.report_id
      WHERE s.line <> f.line AND ${content} IS DISTINCT FROM ${firstContent}
      UNION ALL
      SELECT s.line, 'report_id',
        format('report_id "%s" is already stored with different content; use correctReport to change a report', s.report_id)
      FROM staging s JOIN letter_report r ON r.report_id = s.report_id
      JOIN "case" k ON k.id = r.case_id LEFT JOIN writing_group g ON g.id = r.group_id
      WHERE ${content} IS DISTINCT FROM ${storedContent} ${before}`;
    const [summary] = await this.db.query(
      `SELECT count(*)::int AS count, count(DISTINCT line)::int AS rows FROM (${problems}) p`,
    );
    if (summary.count === 0) return { errors: [], count: 0, rows: 0 };
    const errors = await this.db.query(`SELECT * FROM (${problems}) p ORDER BY line LIMIT ${MAX_LISTED_ERRORS}`);
    return { errors, count: summary.count, rows: summary.rows };
  }

  /** Creates or updates groups by ref, from the last line of each ref. */
  private async upsertGroups(changedOnly = false): Promise<void> {
    let groups = [...this.groups.values()].map(({ row }) => row);
    if (changedOnly) {
      // a pipelined import sends a group again only when a later line changed its name, type or area
      groups = groups.filter((r) => {
        const sent = [r.groupName, r.groupType, r.country, r.region, r.subdivision ?? ''].join(UNIT);
        if (this.sentGroups.get(r.groupRef!) === sent) return false;
        this.sentGroups.set(r.groupRef!, sent);
        return true;
      });
    }
    for (let i = 0; i < groups.length; i += STAGE_BATCH) {
      const part = groups.slice(i, i + STAGE_BATCH);
      await this.db.query(
        `INSERT INTO writing_group (ref, name, type, country, region, subdivision)
         SELECT a[1], a[2], a[3], a[4], a[5], nullif(a[6], '')
         FROM ${SPLIT_RECORDS}
         ORDER BY 1
         ON CONFLICT (ref) DO UPDATE SET name = excluded.name, type = excluded.type, country = excluded.country,
           region = excluded.region, subdivision = excluded.subdivision, updated_at = now()
         WHERE (writing_group.name, writing_group.type, writing_group.country, writing_group.region, writing_group.subdivision)
           IS DISTINCT FROM (excluded.name, excluded.type, excluded.country, excluded.region, excluded.subdivision)`,
        [part.map((r) => [r.groupRef, r.groupName, r.groupType, r.country, r.region, r.subdivision ?? ''].join(UNIT)).join(RECORD)],
      );
    }
  }

  private async insertOrConcurrent(): Promise<{ count: number; ids: number[] }> {
    try {
      return await this.insertReports();
    } catch (error) {
      throw isUniqueViolation(error) ? concurrentWrite() : error;
    }
  }

  /**
   * Inserts the reports not stored yet and adds them to every summary table, in one statement: the
   * new rows feed the summary updates straight from the insert. Returns the ids for a small write
   * (a form), else only the count.
   */
  private async insertReports(): Promise<{ count: number; ids: number[] }> {
    const { source, batchId = null, createdBy = null } = this.options;
    // the first line of an id repeated in the file is the one stored (the rest are identical)
    const [distinct, order] = this.hasRepeatedIds ? ['DISTINCT ON (s.report_id)', 'ORDER BY s.report_id, s.line'] : ['', ''];
    const summaries = rollupUpserts('ins r', 1).map((sql, i) => `, summary${i} AS (${sql})`).join('\n');
    // a unique violation: finish() decides whether an id repeated in the file or another writer
    const [inserted] = await this.db.query(
      `WITH ins AS (
         INSERT INTO letter_report (report_id, year, case_id, group_id, group_type, action_type, count, written_on,
           reported_at, day, country, region, subdivision, source, batch_id, created_by)
         SELECT ${distinct} s.report_id, s.year, s.case_id, g.id, coalesce(s.group_type, 'INDIVIDUAL'),
           s.action_type, s.count, s.written_on, s.reported_at, s.day, s.country, s.region, s.subdivision, $1, $2, $3
         FROM staging s
         LEFT JOIN writing_group g ON g.ref = s.group_ref
         WHERE NOT EXISTS (SELECT 1 FROM letter_report r WHERE r.report_id = s.report_id)
         ${order}
         RETURNING id, ${ROLLUP_SOURCE_COLUMNS.join(', ')})
       ${summaries}
       SELECT count(*)::int AS count, CASE WHEN count(*) <= 1000 THEN array_agg(id ORDER BY id) END AS ids FROM ins`,
      [source, batchId, createdBy],
    );
    return { count: inserted.count, ids: inserted.ids ?? [] };
  }
}
