import { finished } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import { ROLLUP_SOURCE_COLUMNS } from '../rollups/rollup-maintenance';
import type { ReportRow, WriteOptions } from './report-row';

/** Rows sent to the database in one statement. */
export const STAGE_BATCH = 50_000;
const UNIT = '\u001f';
const RECORD = '\u001e';
/** The records of $1 (joined with RECORD), each as a text array `a` of its fields (joined with UNIT); OFFSET 0 keeps PostgreSQL from splitting a record once per field read. */
const SPLIT_RECORDS = `(SELECT string_to_array(record, E'\\x1f') AS a FROM string_to_table($1::text, E'\\x1e') AS record OFFSET 0) AS rows`;

/** A free-text field in COPY's text format: backslash, tab and line breaks escaped (validated fields hold no other control characters). */
const copyText = (v: string | null) => (v === null ? '\\N' : COPY_SPECIAL.test(v) ? v.replace(COPY_ESCAPES, (c) => COPY_ESCAPE[c]) : v);
const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES = /[\\\t\n\r]/g;
const COPY_ESCAPE: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const copyValue = (v: string | number | null) => (v === null ? '\\N' : v);

/** The group records upsertGroups sends in $1 (see encode), as rows of a group's columns. */
const GROUP_RECORDS = `(SELECT a[1] AS ref, a[2] AS name, a[3] AS type, a[4] AS country, a[5] AS region, nullif(a[6], '') AS subdivision
  FROM ${SPLIT_RECORDS}) AS records`;

/**
 * Creates or updates groups from `records` (an SQL FROM item with a group's columns, one row per
 * ref). A group stored as sent is left out, unlocked (see StagingTable.upsertGroups).
 * `returning`: what the statement returns (for a data-modifying CTE), empty for nothing.
 */
export function upsertGroupsSql(records: string, where = '', returning = ''): string {
  return `INSERT INTO writing_group (ref, name, type, country, region, subdivision)
    SELECT ref, name, type, country, region, subdivision
    FROM ${records}
    WHERE NOT EXISTS (SELECT 1 FROM writing_group g WHERE g.ref = records.ref
      AND (g.name, g.type, g.country::text, g.region, g.subdivision) IS NOT DISTINCT FROM (records.name, records.type, records.country, records.region, records.subdivision))
      ${where}
    ORDER BY 1
    ON CONFLICT (ref) DO UPDATE SET name = excluded.name, type = excluded.type, country = excluded.country,
      region = excluded.region, subdivision = excluded.subdivision, updated_at = now()
    WHERE (writing_group.name, writing_group.type, writing_group.country, writing_group.region, writing_group.subdivision)
      IS DISTINCT FROM (excluded.name, excluded.type, excluded.country, excluded.region, excluded.subdivision)
    ${returning}`;
}

/**
 * Inserts the staged reports of `from` (an SQL FROM item with staging's columns) that have a known
 * case, with their case, group and day (reported_at in the campaign's time zone), returning the
 * columns the summary tables are made of. $1, $2, $3: the source, batch and creator. `groups`:
 * where group ids are looked up by ref; `where`: a condition on `s`; `firstLine`: of an id on
 * several lines only the first line; `onConflict`: an id stored already is skipped; `everyColumn`:
 * returning every column of the new reports (a form's one report, answered as stored).
 */
export function insertReportsSql(
  from: string,
  {
    groups = 'writing_group',
    where = '',
    firstLine = false,
    onConflict = false,
    everyColumn = false,
  }: { groups?: string; where?: string; firstLine?: boolean; onConflict?: boolean; everyColumn?: boolean } = {},
): string {
  return `INSERT INTO letter_report (report_id, year, case_id, group_id, group_type, action_type, count, written_on,
      reported_at, day, country, region, subdivision, source, batch_id, created_by)
    SELECT ${firstLine ? 'DISTINCT ON (s.report_id)' : ''} s.report_id, s.year, k.id, g.id, coalesce(s.group_type, 'INDIVIDUAL'), s.action_type, s.count,
      s.written_on, s.reported_at, (s.reported_at AT TIME ZONE c.timezone)::date, s.country, s.region, s.subdivision, $1, $2, $3
    FROM ${from} s
    JOIN campaign c ON c.year = s.year
    JOIN "case" k ON k.year = s.year AND k.slug = s.case_slug
    LEFT JOIN ${groups} g ON g.ref = s.group_ref
    ${where}
    ${firstLine ? 'ORDER BY s.report_id, s.line' : ''}
    ${onConflict ? 'ON CONFLICT (report_id) DO NOTHING' : ''}
    RETURNING ${everyColumn ? '*' : `id, ${ROLLUP_SOURCE_COLUMNS.join(', ')}`}`;
}

/** Rows encoded for stage(): one text value, and how many rows it holds. */
export interface StageBatch {
  text: string;
  rows: number;
}

/** Which staged reports insert() leaves out because their id is stored already. */
export type SkipStored =
  | 'none' // none: the unique index stops the insert at an id stored before
  | 'stored' // looked up first (one statement for everything staged)
  | 'conflicts'; // skipped by the unique index (ON CONFLICT DO NOTHING, a part at a time)

/**
 * The temporary table `staging` a write's rows go through, in the caller's transaction: rows are
 * staged as they were validated, checked there (ingest-checks.ts), then inserted as reports, each
 * with its case and its campaign day. A pipelined import stages into parts, child tables of
 * `staging`. On PostgreSQL rows are staged by COPY; the embedded database has no COPY FROM STDIN
 * (it drops the connection), so there they are sent as text split by PostgreSQL.
 */
export class StagingTable {
  /** Rows staged so far. */
  staged = 0;
  /** Whether rows are staged by COPY (see create). */
  private copy = false;
  /** True once findRepeatedIds() found an id on more than one line. */
  private hasRepeatedIds = false;
  /**
   * The last line of each group ref, as the record upsertGroups sends (ref, name, type and area
   * joined by UNIT): a string of its own, as a parsed field is a slice of its chunk of the file and
   * would keep that chunk alive (every chunk holding some group's last line, for the whole import).
   */
  private readonly groups = new Map<string, string>();
  /** Group records as last sent to the database, by ref (see upsertGroups). */
  private readonly sentGroups = new Map<string, string>();
  /** Milliseconds spent in each step, for the benchmark's breakdown. */
  readonly timings: Record<string, number> = {};

  constructor(
    readonly db: EntityManager,
    readonly options: WriteOptions,
  ) {}

  async timed<T>(step: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.timings[step] = (this.timings[step] ?? 0) + Math.round(performance.now() - started);
    }
  }

  async create(): Promise<void> {
    // One round trip for the settings and one for the tables: a form's write is mostly round trips,
    // each waiting its turn on a busy event loop.
    // Sorts and hashes over a million staged rows stay in memory instead of spilling to disk, and a
    // file of ten million rows may take longer than the usual statement timeout.
    // A killed importer leaves its statement running until it ends (PostgreSQL checks the socket only
    // when it next reads or writes), holding locks on summary rows that live writes wait for. With
    // client_connection_check_interval PostgreSQL notices the closed connection within a second and rolls back.
    const [{ embedded }] = await this.db.query(
      `SELECT set_config('work_mem', '128MB', true), set_config('statement_timeout', '2h', true),
         set_config('client_connection_check_interval', '1s', true), version() LIKE '%PGlite%' AS embedded`,
    );
    this.copy = !embedded;
    // two statements in one simple query (no parameters)
    await this.db.query(`
      CREATE TEMP TABLE staging (
        line int NOT NULL, report_id text COLLATE "C" NOT NULL, year int NOT NULL, case_slug text NOT NULL,
        group_ref text, group_name text, group_type text, action_type text NOT NULL, count int NOT NULL,
        written_on date, reported_at timestamptz NOT NULL, country text NOT NULL, region text NOT NULL,
        subdivision text
      ) ON COMMIT DROP;
      CREATE TEMP TABLE repeated (report_id text COLLATE "C") ON COMMIT DROP`);
  }

  /** Creates a part: a child table of `staging`, so checks over `staging` see its rows too. */
  async createPart(name: string): Promise<void> {
    await this.db.query(`CREATE TEMP TABLE ${name} () INHERITS (staging) ON COMMIT DROP`);
  }

  /**
   * Encodes rows for stage(), `size` rows a batch: COPY's text format, or for the embedded database
   * one text value with record and unit separators, split by PostgreSQL (faster than typed
   * arrays); validated fields never contain those control characters. Remembers each group
   * ref's last row.
   */
  encode(rows: { line: number; row: ReportRow }[], size: number): StageBatch[] {
    const batches: StageBatch[] = [];
    for (let i = 0; i < rows.length; i += size) {
      const part = rows.slice(i, i + size);
      const text = this.copy
        ? part.map(({ line, row: r }) =>
          `${line}\t${copyText(r.reportId)}\t${r.year}\t${copyText(r.caseSlug)}\t${copyText(r.groupRef)}\t${copyText(r.groupName)}\t${copyValue(r.groupType)}\t${r.actionType}\t${r.count}\t${copyValue(r.writtenOn)}\t${r.reportedAt}\t${r.country}\t${copyText(r.region)}\t${copyValue(r.subdivision)}\n`).join('')
        : part.map(({ line, row: r }) =>
          [line, r.reportId, r.year, r.caseSlug, r.groupRef, r.groupName, r.groupType, r.actionType, r.count,
            r.writtenOn, r.reportedAt, r.country, r.region, r.subdivision].map((v) => v ?? '').join(UNIT)).join(RECORD);
      batches.push({ text, rows: part.length });
      for (const { row: r } of part) {
        if (!r.groupRef) continue;
        const record = [r.groupRef, r.groupName, r.groupType, r.country, r.region, r.subdivision ?? ''].join(UNIT);
        this.groups.set(record.slice(0, r.groupRef.length), record);
      }
    }
    return batches;
  }

  /** Adds a batch to `target` (staging or a part). */
  async stage(target: string, batch: StageBatch): Promise<void> {
    await this.timed('stage', async () => {
      if (this.copy) {
        const client: pg.ClientBase = await this.db.queryRunner!.connect();
        const copy = client.query(copyFrom(`COPY ${target} FROM STDIN`));
        copy.end(batch.text);
        await finished(copy);
      } else {
        await this.db.query(
          `INSERT INTO ${target}
           SELECT a[1]::int, a[2], a[3]::int, a[4], nullif(a[5], ''), nullif(a[6], ''), nullif(a[7], ''), a[8], a[9]::int,
             nullif(a[10], '')::date, a[11]::timestamptz, a[12], a[13], nullif(a[14], '')
           FROM ${SPLIT_RECORDS}`,
          [batch.text],
        );
      }
    });
    this.staged += batch.rows;
  }

  /** Lists ids on more than one line of the file in `repeated`; true when there are any. */
  async findRepeatedIds(): Promise<boolean> {
    const [{ n }] = await this.timed('repeated', () =>
      this.db.query(`WITH found AS (INSERT INTO repeated SELECT report_id FROM staging GROUP BY report_id HAVING count(*) > 1 RETURNING 1)
        SELECT count(*)::int AS n FROM found`),
    );
    this.hasRepeatedIds = n > 0;
    return this.hasRepeatedIds;
  }

  /**
   * Creates or updates groups by ref, from the last line of each ref. A group stored as sent is
   * left out, unlocked: ON CONFLICT DO UPDATE locks a row even when its WHERE leaves it unchanged,
   * and an import holds what it locks until it commits, so every form of its groups would wait
   * for the whole import. With `changedOnly` (a
   * pipelined import, called once a part) a group is sent again only when a later line changed its
   * name, type or area.
   */
  async upsertGroups(changedOnly = false): Promise<void> {
    let groups = [...this.groups.values()];
    if (changedOnly) {
      groups = [...this.groups].filter(([ref, record]) => this.sentGroups.get(ref) !== record).map(([ref, record]) => {
        this.sentGroups.set(ref, record);
        return record;
      });
    }
    for (let i = 0; i < groups.length; i += STAGE_BATCH) {
      const part = groups.slice(i, i + STAGE_BATCH);
      await this.db.query(upsertGroupsSql(GROUP_RECORDS), [part.join(RECORD)]);
    }
  }

  /**
   * Inserts the staged reports of `from` (staging or a part) that have a known case, with their case
   * and their day (reported_at in the campaign's time zone), and adds them to the summary tables in
   * the same statement: `summaries` are statements reading the new rows as `ins r`. Of an id on several lines the first line is stored (the checks made sure the rest are
   * identical). With `ids`, returns the new reports' ids when there are at most 1000 (a form).
   */
  async insert(from: string, skip: SkipStored, summaries: string[], ids = false): Promise<{ count: number; ids: number[] }> {
    const { source, batchId = null, createdBy = null } = this.options;
    const notStored = skip === 'stored' ? 'WHERE NOT EXISTS (SELECT 1 FROM letter_report r WHERE r.report_id = s.report_id)' : '';
    // Staged rows have no statistics: the planner expects a handful and looks each row's group up
    // by index, one lookup per row; a hash join reads the groups once. Not when stored ids are
    // looked up (a small write): that must go through the index on report_id. On an error the
    // caller's savepoint, or the rollback of everything, undoes the setting too.
    const hashJoins = skip !== 'stored';
    if (hashJoins) await this.db.query(`SET LOCAL enable_nestloop = off`);
    const [inserted] = await this.db.query(
      `WITH ins AS (${insertReportsSql(from, { where: notStored, firstLine: this.hasRepeatedIds, onConflict: skip === 'conflicts' })})
       ${summaries.map((sql, i) => `, summary${i} AS (${sql})`).join('\n')}
       SELECT count(*)::int AS count${ids ? ', CASE WHEN count(*) <= 1000 THEN array_agg(id ORDER BY id) END AS ids' : ''} FROM ins`,
      [source, batchId, createdBy],
    );
    if (hashJoins) await this.db.query(`SET LOCAL enable_nestloop = on`);
    return { count: inserted.count, ids: inserted.ids ?? [] };
  }
}
