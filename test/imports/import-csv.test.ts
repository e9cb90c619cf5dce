import { random } from '../../seeds/generate-reports';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv, type ImportSummary } from '../../server/modules/imports/import-csv';
import { REPORT_COLUMNS } from '../../server/modules/reports/report-fields';
import { ROLLUP_TABLES } from '../../server/modules/rollups/rollup-tables';
import { verifyRollups } from '../../server/modules/rollups/verify-rollups';
import { TSX } from '../support/commands';
import { csvRow, csvStream, csvText, individualRow, type CsvRow } from '../support/csv';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { campaign, givenCampaigns } from '../support/fixtures';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/**
 * The campaigns every database of this file starts with: 2024 in Chicago time (the time zone
 * test), 2023 in London time; both with the fixture cases ana-ruiz and li-wen.
 */
const CAMPAIGNS = [campaign(2023), campaign(2024, { timezone: 'America/Chicago' })];

/** A migrated database of its own with the fixture campaigns; dropped after the describe. */
function useDatabase(): () => TestDatabase {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await givenCampaigns(db.dataSource, ...CAMPAIGNS);
  });
  afterAll(() => db?.drop());
  return () => db;
}

function importText(
  db: TestDatabase,
  content: string | Buffer,
  options: { filename?: string; dryRun?: boolean; pieceBytes?: number; storeEvery?: number } = {},
) {
  return importCsv(db.dataSource, csvStream(content, options.pieceBytes), {
    filename: options.filename ?? 'reports.csv',
    dryRun: options.dryRun,
    storeEvery: options.storeEvery,
  });
}

function importRows(db: TestDatabase, rows: CsvRow[], filename = 'reports.csv') {
  return importText(db, csvText(rows), { filename });
}

/** The errors as the command prints them: "line N, column: reason". */
function printed(summary: ImportSummary): string[] {
  return summary.errors.map((e) => `line ${e.line}, ${e.column}: ${e.reason}`);
}

/**
 * Everything an import may change but the import_batch log: reports, groups, summary tables. (The
 * data version moves when a rejected import is logged: the list of imports is data too.)
 */
async function storedState(db: DataSource) {
  const [reports] = await db.query(
    `SELECT count(*)::int AS reports, coalesce(sum(count), 0)::int AS actions FROM letter_report`,
  );
  const [groups] = await db.query(`SELECT count(*)::int AS groups, coalesce(string_agg(ref || '=' || name, ';' ORDER BY ref), '') AS names FROM writing_group`);
  const rollups: Record<string, unknown[]> = {};
  for (const table of ROLLUP_TABLES) {
    const dims = table.dimensions.join(', ');
    rollups[table.name] = await db.query(`SELECT ${dims}, actions::int, reports FROM ${table.name} ORDER BY ${dims}`);
  }
  return { ...reports, ...groups, rollups };
}

/** Actions by case slug, from the raw reports and from the summary table the totals read. */
async function totalsByCase(db: DataSource) {
  const raw = await db.query(
    `SELECT k.slug, sum(r.count)::int AS actions, count(*)::int AS reports
     FROM letter_report r JOIN "case" k ON k.id = r.case_id WHERE r.status = 'ACTIVE' GROUP BY k.slug ORDER BY k.slug`,
  );
  const rollup = await db.query(
    `SELECT k.slug, sum(a.actions)::int AS actions, sum(a.reports)::int AS reports
     FROM rollup_area_case a JOIN "case" k ON k.id = a.case_id GROUP BY k.slug ORDER BY k.slug`,
  );
  return { raw, rollup };
}

function expectedByCase(rows: CsvRow[]) {
  const totals = new Map<string, { slug: string; actions: number; reports: number }>();
  for (const r of rows) {
    const t = totals.get(String(r.case)) ?? { slug: String(r.case), actions: 0, reports: 0 };
    t.actions += Number(r.count);
    t.reports += 1;
    totals.set(t.slug, t);
  }
  return [...totals.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}


const run = promisify(execFile);
const tmp = mkdtempSync(path.join(tmpdir(), 'w4r-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writeFile(name: string, content: string | Buffer): string {
  const file = path.join(tmp, name);
  writeFileSync(file, content);
  return file;
}

/** `npm run import -- ARGS` against the test database, as a child process. */
function importCommand(db: TestDatabase, ...args: string[]) {
  return run(TSX, ['server/cli/import.ts', ...args], { env: { ...process.env, DATABASE_URL: db.url } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

// ---------------------------------------------------------------------------------------------
// 1. Valid files
// ---------------------------------------------------------------------------------------------

describe('importing a valid file', () => {
  const db = useDatabase();

  it('imports every row, and the summary tables match the raw reports', async () => {
    const rows = [
      csvRow({ count: 25 }),
      csvRow({ case: 'li-wen', action_type: 'SOLIDARITY', count: 140 }),
      individualRow({ count: 1, country: 'US', region: 'Americas', reported_at: '2024-12-11T09:00:00-05:00' }),
      csvRow({ group_ref: 'FR-PAR-02', group_name: 'Lycée Voltaire', group_type: 'SCHOOL', country: 'FR', subdivision: 'FR-IDF', count: 310 }),
      csvRow({ year: 2023, case: 'li-wen', action_type: 'EMAIL', count: 12, reported_at: '2023-12-10T18:00:00Z', written_on: '2023-12-09' }),
    ];
    const summary = await importRows(db(), rows, 'valid.csv');

    expect(summary).toMatchObject({
      status: 'COMMITTED', read: 5, imported: 5, duplicates: 0, rejected: 0, errorCount: 0, errors: [],
    });
    expect(summary.batchId).toEqual(expect.any(Number));
    const { raw, rollup } = await totalsByCase(db().dataSource);
    expect(raw).toEqual(expectedByCase(rows));
    expect(rollup).toEqual(raw);
    const [{ actions }] = await db().dataSource.query(`SELECT sum(actions)::int AS actions FROM rollup_daily`);
    expect(actions).toBe(25 + 140 + 1 + 310 + 12);
    expect(await verifyRollups(db().dataSource)).toEqual([]);
  });

  it('stores each field of a row, linked to its batch, with source IMPORT', async () => {
    const row = csvRow({ report_id: 'FIELDS-1', count: 7, written_on: '2024-12-09', reported_at: '2024-12-10T16:45:00+01:00' });
    const summary = await importRows(db(), [row], 'fields.csv');
    const [stored] = await db().dataSource.query(
      `SELECT r.report_id, r.year, k.slug, g.ref, r.group_type, r.action_type, r.count, r.written_on::text,
              r.reported_at = '2024-12-10T15:45:00Z'::timestamptz AS same_instant, r.day::text, r.country, r.region,
              r.subdivision, r.source, r.status, r.batch_id
       FROM letter_report r JOIN "case" k ON k.id = r.case_id LEFT JOIN writing_group g ON g.id = r.group_id
       WHERE r.report_id = 'FIELDS-1'`,
    );
    expect(stored).toEqual({
      report_id: 'FIELDS-1', year: 2024, slug: 'ana-ruiz', ref: 'DE-BER-01', group_type: 'LOCAL_GROUP',
      action_type: 'LETTER', count: 7, written_on: '2024-12-09', same_instant: true, day: '2024-12-10', country: 'DE',
      region: 'Europe', subdivision: 'DE-BE', source: 'IMPORT', status: 'ACTIVE', batch_id: summary.batchId,
    });
    const [batch] = await db().dataSource.query(`SELECT * FROM import_batch WHERE id = $1`, [summary.batchId]);
    expect(batch).toMatchObject({
      filename: 'fields.csv', status: 'COMMITTED', rows_read: 1, rows_imported: 1, rows_duplicate: 0, rows_rejected: 0, errors: [],
    });
    expect(batch.finished_at).not.toBeNull();
  });

  it('creates groups by group_ref with their name, type and area, and updates them from a later file', async () => {
    await importRows(db(), [
      csvRow({ group_ref: 'MX-CDMX-07', group_name: 'Estudiantes por los Derechos', group_type: 'student group', country: 'MX', region: 'Americas', subdivision: 'MX-CMX' }),
      csvRow({ group_ref: 'MX-CDMX-07', group_name: 'Estudiantes por los Derechos', group_type: 'STUDENT_GROUP', country: 'MX', region: 'Americas', subdivision: 'MX-CMX' }),
      csvRow({ group_ref: 'GH-ACC-01', group_name: 'Accra Faith Circle', group_type: 'FAITH_GROUP', country: 'GH', region: 'Africa', subdivision: '' }),
    ]);
    const groups = () =>
      db().dataSource.query(
        `SELECT ref, name, type, country, region, subdivision FROM writing_group WHERE ref IN ('MX-CDMX-07', 'GH-ACC-01') ORDER BY ref`,
      );
    expect(await groups()).toEqual([
      { ref: 'GH-ACC-01', name: 'Accra Faith Circle', type: 'FAITH_GROUP', country: 'GH', region: 'Africa', subdivision: null },
      { ref: 'MX-CDMX-07', name: 'Estudiantes por los Derechos', type: 'STUDENT_GROUP', country: 'MX', region: 'Americas', subdivision: 'MX-CMX' },
    ]);
    const [{ n }] = await db().dataSource.query(`SELECT count(*)::int AS n FROM writing_group WHERE ref = 'MX-CDMX-07'`);
    expect(n).toBe(1);

    await importRows(db(), [
      csvRow({ group_ref: 'GH-ACC-01', group_name: 'Accra Interfaith Circle', group_type: 'COMMUNITY_ORGANISATION', country: 'GH', region: 'Africa', subdivision: 'GH-AA' }),
    ]);
    expect((await groups())[0]).toEqual({
      ref: 'GH-ACC-01', name: 'Accra Interfaith Circle', type: 'COMMUNITY_ORGANISATION', country: 'GH', region: 'Africa', subdivision: 'GH-AA',
    });
    // the reports keep the group type the group had when they were made
    const types = await db().dataSource.query(
      `SELECT r.group_type FROM letter_report r JOIN writing_group g ON g.id = r.group_id WHERE g.ref = 'GH-ACC-01' ORDER BY r.id`,
    );
    expect(types).toEqual([{ group_type: 'FAITH_GROUP' }, { group_type: 'COMMUNITY_ORGANISATION' }]);
  });

  it('reads individuals: no group, no written_on, no subdivision', async () => {
    const row = individualRow({ report_id: 'INDIVIDUAL-1', count: 3 });
    expect(await importRows(db(), [row])).toMatchObject({ status: 'COMMITTED', imported: 1 });
    const [stored] = await db().dataSource.query(
      `SELECT group_id, group_type, written_on, subdivision FROM letter_report WHERE report_id = 'INDIVIDUAL-1'`,
    );
    expect(stored).toEqual({ group_id: null, group_type: 'INDIVIDUAL', written_on: null, subdivision: null });
  });

  it('counts a report without a group as INDIVIDUAL, whatever its group_type says', async () => {
    const row = individualRow({ report_id: 'NO-GROUP-SCHOOL', group_type: 'SCHOOL', count: 3 });
    expect(await importRows(db(), [row])).toMatchObject({ status: 'COMMITTED', imported: 1 });
    const [stored] = await db().dataSource.query(`SELECT group_id, group_type FROM letter_report WHERE report_id = 'NO-GROUP-SCHOOL'`);
    expect(stored).toEqual({ group_id: null, group_type: 'INDIVIDUAL' });
  });

  it('accepts the columns in any order, and header names in any case', async () => {
    const columns = [...REPORT_COLUMNS].reverse();
    const rows = [csvRow({ report_id: 'ORDER-1', count: 11 }), csvRow({ report_id: 'ORDER-2', case: 'li-wen', count: 12 })];
    const text = csvText(rows, { columns }).replace(/^[^\n]*/, (header) => header.toUpperCase());
    expect(text.startsWith('SUBDIVISION,REGION,COUNTRY')).toBe(true);
    expect(await importText(db(), text)).toMatchObject({ status: 'COMMITTED', read: 2, imported: 2 });
    const stored = await db().dataSource.query(
      `SELECT report_id, count, country, subdivision FROM letter_report WHERE report_id LIKE 'ORDER-%' ORDER BY report_id`,
    );
    expect(stored).toEqual([
      { report_id: 'ORDER-1', count: 11, country: 'DE', subdivision: 'DE-BE' },
      { report_id: 'ORDER-2', count: 12, country: 'DE', subdivision: 'DE-BE' },
    ]);
  });

  it('reads enum values and codes as people write them (case, spaces, hyphens)', async () => {
    const row = csvRow({
      report_id: 'LOOSE-1', case: 'Li-Wen', action_type: 'solidarity', group_ref: 'US-CHI-03', group_name: 'Chicago Faith',
      group_type: 'faith group', country: 'us', region: 'Americas', subdivision: 'us-il',
    });
    expect(await importRows(db(), [row])).toMatchObject({ status: 'COMMITTED', imported: 1 });
    const [stored] = await db().dataSource.query(
      `SELECT k.slug, r.action_type, r.group_type, r.country, r.subdivision FROM letter_report r JOIN "case" k ON k.id = r.case_id
       WHERE r.report_id = 'LOOSE-1'`,
    );
    expect(stored).toEqual({ slug: 'li-wen', action_type: 'SOLIDARITY', group_type: 'FAITH_GROUP', country: 'US', subdivision: 'US-IL' });
  });

  it('imports 0 rows from a file with only a header', async () => {
    const before = await storedState(db().dataSource);
    const summary = await importText(db(), `${REPORT_COLUMNS.join(',')}\n`);
    expect(summary).toMatchObject({ status: 'COMMITTED', read: 0, imported: 0, duplicates: 0, rejected: 0, errorCount: 0 });
    expect(await storedState(db().dataSource)).toEqual(before);
  });

  it('skips blank lines, including the last newline or its absence', async () => {
    const text = `${REPORT_COLUMNS.join(',')}\n\n${csvText([csvRow({ report_id: 'BLANK-1' })]).split('\n')[1]}\n\n`;
    expect(await importText(db(), text)).toMatchObject({ status: 'COMMITTED', read: 1, imported: 1 });
    const noFinalNewline = csvText([csvRow({ report_id: 'BLANK-2' })]).trimEnd();
    expect(await importText(db(), noFinalNewline)).toMatchObject({ status: 'COMMITTED', read: 1, imported: 1 });
  });

  it('leaves every summary table equal to the raw reports after all these imports', async () => {
    expect(await verifyRollups(db().dataSource)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Rejected rows and files: nothing stored
// ---------------------------------------------------------------------------------------------

describe('rejecting a file with a bad row', () => {
  const db = useDatabase();
  beforeAll(async () => {
    // something already stored, so "nothing changed" is checked against non-empty tables
    const summary = await importRows(db(), [
      csvRow({ report_id: 'BASE-1' }),
      csvRow({ report_id: 'BASE-2', case: 'li-wen', count: 80 }),
      individualRow({ report_id: 'BASE-3', country: 'KE', region: 'Africa' }),
    ]);
    expect(summary.status).toBe('COMMITTED');
  });

  /** A file of valid rows with `bad` on line 4 (line 1 is the header); checks that nothing is stored. */
  async function importWithBadRow(bad: CsvRow) {
    const before = await storedState(db().dataSource);
    const summary = await importRows(db(), [
      csvRow(),
      csvRow({ group_ref: 'NEW-GROUP-1', group_name: 'A group that must not be created', group_type: 'EVENT' }),
      bad,
      individualRow(),
    ]);
    expect(await storedState(db().dataSource)).toEqual(before);
    return summary;
  }

  const reasons: [string, CsvRow, string, RegExp][] = [
    ['a count of 0', { count: 0 }, 'count', /whole number from 1 to 1,000,000, got "0"/],
    ['a negative count', { count: -5 }, 'count', /whole number from 1 to 1,000,000, got "-5"/],
    ['a fractional count', { count: '2.5' }, 'count', /whole number from 1 to 1,000,000, got "2.5"/],
    ['a count above 1,000,000', { count: 1000001 }, 'count', /whole number from 1 to 1,000,000, got "1000001"/],
    ['a count that is not a number', { count: 'ten' }, 'count', /whole number from 1 to 1,000,000, got "ten"/],
    ['an empty count', { count: '' }, 'count', /is required/],
    ['an unknown case slug', { case: 'no-such-person' }, 'case', /no case "no-such-person" in the 2024 campaign/],
    ['a case of another year', { year: 2023, case: 'ana-ruiz-2024' }, 'case', /no case "ana-ruiz-2024" in the 2023 campaign/],
    ['a year without a campaign', { year: 2019 }, 'year', /there is no campaign for 2019/],
    ['a year that is not a year', { year: '24' }, 'year', /must be a year such as 2025, got "24"/],
    ['an unknown action_type', { action_type: 'CARRIER_PIGEON' }, 'action_type', /must be one of LETTER, .*got "CARRIER_PIGEON"/],
    ['an unknown group_type', { group_type: 'BOOK_CLUB' }, 'group_type', /must be one of LOCAL_GROUP, .*got "BOOK_CLUB"/],
    ['a reported_at without offset', { reported_at: '2024-12-10T10:00:00' }, 'reported_at', /with an offset.*got "2024-12-10T10:00:00"/],
    ['a reported_at on an impossible date', { reported_at: '2024-02-30T10:00:00Z' }, 'reported_at', /got "2024-02-30T10:00:00Z"/],
    ['a reported_at at hour 25', { reported_at: '2024-12-10T25:00:00Z' }, 'reported_at', /got "2024-12-10T25:00:00Z"/],
    ['a reported_at that is a bare date', { reported_at: '2024-12-10' }, 'reported_at', /ISO 8601/],
    ['a written_on in another format', { written_on: '10/12/2024' }, 'written_on', /YYYY-MM-DD, got "10\/12\/2024"/],
    ['a written_on on an impossible date', { written_on: '2023-02-29' }, 'written_on', /YYYY-MM-DD, got "2023-02-29"/],
    ['an unknown country code', { country: 'XX', subdivision: '' }, 'country', /ISO 3166-1 alpha-2 code .*got "XX"/],
    ['a country name instead of a code', { country: 'Germany', subdivision: '' }, 'country', /ISO 3166-1 alpha-2 code .*got "Germany"/],
    ['a subdivision of another country', { country: 'DE', subdivision: 'US-IL' }, 'subdivision', /ISO 3166-2 code of DE .*got "US-IL"/],
    ['a subdivision that is not ISO 3166-2', { subdivision: 'Berlin' }, 'subdivision', /ISO 3166-2/],
    ['an empty region', { region: '' }, 'region', /is required/],
    ['an empty report_id', { report_id: '' }, 'report_id', /is required/],
    ['a report_id longer than 100 characters', { report_id: 'R'.repeat(101) }, 'report_id', /longer than 100/],
    ['a group_ref without group_name', { group_ref: 'NL-AMS-09', group_name: '' }, 'group_name', /required when group_ref is given/],
    ['a group_ref without group_type', { group_ref: 'NL-AMS-09', group_type: '' }, 'group_type', /required when group_ref is given/],
    ['a group_name without group_ref', { group_ref: '', group_name: 'Nameless', group_type: '' }, 'group_ref', /required when group_name is given/],
    ['a control character in a field', { region: 'Eu\u0007rope' }, 'region', /control characters/],
  ];

  it.each(reasons)('refuses %s, naming line and column, and stores nothing', async (_title, override, column, reason) => {
    const summary = await importWithBadRow(csvRow(override));
    expect(summary).toMatchObject({ status: 'REJECTED', read: 4, imported: 0, duplicates: 0, rejected: 1 });
    expect(summary.errorCount).toBe(summary.errors.length);
    expect(summary.errors).toContainEqual({ line: 4, column, reason: expect.stringMatching(reason) });
    // the problem is put on that field of that line, and on nothing else
    expect(summary.errors.map((e) => [e.line, e.column])).toEqual(summary.errors.map(() => [4, column]));
  });

  it('blames only the country, not a correct subdivision, when the country is written as a name', async () => {
    const summary = await importWithBadRow(csvRow({ country: 'Germany', subdivision: 'DE-BE' }));
    expect(summary.status).toBe('REJECTED');
    // a subdivision error here would read: must be an ISO 3166-2 code of GERMANY such as "GERMANY-XX", got "DE-BE"
    expect(summary.errors.filter((e) => e.column !== 'country')).toEqual([]);
  });

  it('words a bad count so a person understands it', async () => {
    const summary = await importWithBadRow(csvRow({ count: 1000001 }));
    expect(printed(summary)).toEqual(['line 4, count: must be a whole number from 1 to 1,000,000, got "1000001"']);
  });

  it('lists every problem of a row with several', async () => {
    const summary = await importWithBadRow(csvRow({ count: 0, action_type: 'FAX MACHINE', country: 'XX', subdivision: '' }));
    expect(summary).toMatchObject({ rejected: 1, errorCount: 3 });
    expect(summary.errors.map((e) => [e.line, e.column])).toEqual([[4, 'action_type'], [4, 'count'], [4, 'country']]);
  });

  it('refuses a report_id repeated in the file with different content, naming the later and the earlier line', async () => {
    const before = await storedState(db().dataSource);
    const summary = await importRows(db(), [
      csvRow({ report_id: 'TWICE-1', count: 10 }),
      csvRow(),
      csvRow({ report_id: 'TWICE-1', count: 12 }),
    ]);
    expect(summary).toMatchObject({ status: 'REJECTED', read: 3, imported: 0, rejected: 1, errorCount: 1 });
    expect(summary.errors).toEqual([
      { line: 4, column: 'report_id', reason: 'report_id "TWICE-1" is also on line 2 with different content' },
    ]);
    expect(await storedState(db().dataSource)).toEqual(before);
  });

  it('flags only the differing copy when a report_id is on three lines and two of them are identical', async () => {
    const same = csvRow({ report_id: 'THRICE-1', count: 10 });
    const summary = await importRows(db(), [same, { ...same }, csvRow({ report_id: 'THRICE-1', count: 99 })]);
    expect(summary.status).toBe('REJECTED');
    // line 3 is identical to line 2: "also on line 2 with different content" would be untrue for it
    expect(summary.errors).toEqual([
      { line: 4, column: 'report_id', reason: 'report_id "THRICE-1" is also on line 2 with different content' },
    ]);
    expect(summary).toMatchObject({ rejected: 1, errorCount: 1 });
  });

  it('refuses a row with the wrong number of fields', async () => {
    const before = await storedState(db().dataSource);
    const good = csvText([csvRow(), csvRow()]);
    const text = `${good}R-SHORT,2024,ana-ruiz,,,,LETTER,5,,2024-12-10T10:00:00Z,DE,Europe\n${csvText([csvRow()]).split('\n')[1]}\n`;
    const summary = await importText(db(), text);
    expect(summary).toMatchObject({ status: 'REJECTED', read: 4, imported: 0, rejected: 1, errorCount: 1 });
    expect(printed(summary)).toEqual(['line 4, (row): has 12 fields; the header has 13']);
    expect(await storedState(db().dataSource)).toEqual(before);
  });

  describe('refuses a broken file as a whole', () => {
    async function importBroken(content: string | Buffer) {
      const before = await storedState(db().dataSource);
      const summary = await importText(db(), content);
      expect.soft(await storedState(db().dataSource), 'nothing stored').toEqual(before);
      expect(summary).toMatchObject({ status: 'REJECTED', imported: 0 });
      expect(summary.errorCount).toBeGreaterThan(0);
      return summary;
    }
    const valid = () => csvText([csvRow(), csvRow(), individualRow()]);

    it('an unknown column, naming it', async () => {
      const rows = [csvRow({ colour: 'yellow' }), csvRow({ colour: 'red' })];
      const summary = await importBroken(csvText(rows, { columns: [...REPORT_COLUMNS, 'colour'] }));
      expect(summary.errors).toEqual([{ line: 1, column: '(file)', reason: expect.stringContaining('unknown column "colour"') }]);
      // the line is given once, apart: "line 1, (file): header: …", not "line 1, (file): line 1: header: …"
      expect(summary.errors[0].reason).toMatch(/^header: /);
    });

    it('a missing column, naming it', async () => {
      const summary = await importBroken(csvText([csvRow(), csvRow()], { columns: REPORT_COLUMNS.filter((c) => c !== 'region') }));
      expect(summary.errors).toEqual([{ line: 1, column: '(file)', reason: expect.stringContaining('missing column region') }]);
    });

    it('a repeated column', async () => {
      const summary = await importBroken(csvText([csvRow()], { columns: [...REPORT_COLUMNS, 'count'] }));
      expect(summary.errors[0]).toMatchObject({ line: 1, column: '(file)', reason: expect.stringContaining('repeated column "count"') });
    });

    it('binary garbage (random bytes with NUL bytes)', async () => {
      const next = random(42);
      const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i % 97 === 0 ? 0 : Math.floor(next() * 256))));
      const summary = await importBroken(bytes);
      expect(summary.errors).toEqual([{ line: expect.any(Number), column: '(file)', reason: expect.stringMatching(/not UTF-8 text|not CSV text/) }]);
    });

    it('a NUL byte in otherwise valid UTF-8 text', async () => {
      const summary = await importBroken(valid().replace('Europe', 'Eur\u0000ope'));
      expect(summary.errors).toEqual([{ line: expect.any(Number), column: '(file)', reason: expect.stringContaining('NUL') }]);
    });

    it('bytes that are not UTF-8 (a Latin-1 file)', async () => {
      const latin1 = Buffer.from(csvText([csvRow({ group_name: 'Amnistía Sevilla' }), csvRow()]), 'latin1');
      const summary = await importBroken(latin1);
      expect(summary.errors).toEqual([{ line: expect.any(Number), column: '(file)', reason: expect.stringContaining('not UTF-8') }]);
    });

    it('a file cut in the middle of a UTF-8 character', async () => {
      const text = Buffer.from(csvText([csvRow(), csvRow({ group_name: 'Zürich', region: 'Europe' })]).trimEnd() + ',ü');
      const summary = await importBroken(text.subarray(0, text.length - 1));
      expect(summary.errors[0]).toMatchObject({ column: '(file)', reason: expect.stringContaining('not UTF-8') });
    });

    it('an empty file (0 bytes)', async () => {
      const summary = await importBroken(Buffer.alloc(0));
      expect(summary.errors).toEqual([{ line: 0, column: '(file)', reason: expect.stringContaining('empty') }]);
    });

    it('an empty stream (no chunk at all)', async () => {
      const before = await storedState(db().dataSource);
      const summary = await importCsv(db().dataSource, Readable.from([]), { filename: 'nothing.csv' });
      expect(summary.status).toBe('REJECTED');
      expect(summary.errors[0].reason).toContain('empty');
      expect(await storedState(db().dataSource)).toEqual(before);
    });

    it('a file of blank lines only', async () => {
      const summary = await importBroken('\n\n\n');
      expect(summary.errors[0]).toMatchObject({ column: '(file)', reason: expect.stringContaining('no header row') });
    });

    it('a quoted field that is never closed, naming the line where it opens', async () => {
      const lines = valid().split('\n');
      lines[2] = lines[2].replace('Amnesty Berlin Mitte', '"Amnesty Berlin Mitte');
      expect(lines[2]).toContain(',"Amnesty Berlin Mitte,');
      const summary = await importBroken(lines.join('\n'));
      expect(printed(summary)).toEqual(['line 3, (file): a quoted field is never closed']);
    });

    it('a quote inside a quoted field that is not doubled', async () => {
      const lines = valid().split('\n');
      lines[2] = lines[2].replace('Amnesty Berlin Mitte', '"Amnesty "Berlin" Mitte"');
      expect(lines[2]).toContain('"Amnesty "Berlin" Mitte"');
      const summary = await importBroken(lines.join('\n'));
      expect(summary.errors).toEqual([{ line: 3, column: '(file)', reason: expect.stringContaining('must be doubled') }]);
    });
  });

  it('leaves the summary tables equal to the raw reports after every refusal', async () => {
    expect(await verifyRollups(db().dataSource)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 3 and 4. Many errors; the record of a rejected import
// ---------------------------------------------------------------------------------------------

describe('a file with many bad rows', () => {
  const db = useDatabase();

  it('lists the first 50 errors in line order and counts them all', async () => {
    const rows: CsvRow[] = [];
    for (let i = 0; i < 300; i++) {
      // 120 bad rows: 60 with a bad count (checked while reading), 60 with an unknown case (checked in the database)
      if (i % 5 === 1 || i % 5 === 3) rows.push(i % 5 === 1 ? csvRow({ count: 0 }) : csvRow({ case: `nobody-${i}` }));
      else rows.push(csvRow());
    }
    const summary = await importRows(db(), rows, 'many-errors.csv');
    expect(summary).toMatchObject({ status: 'REJECTED', read: 300, imported: 0, rejected: 120, errorCount: 120 });
    expect(summary.errors).toHaveLength(50);
    const expectedLines = rows.map((_, i) => i).filter((i) => i % 5 === 1 || i % 5 === 3).map((i) => i + 2).slice(0, 50);
    expect(summary.errors.map((e) => e.line)).toEqual(expectedLines);
    expect(summary.errors.slice(0, 2)).toEqual([
      { line: 3, column: 'count', reason: 'must be a whole number from 1 to 1,000,000, got "0"' },
      { line: 5, column: 'case', reason: 'no case "nobody-3" in the 2024 campaign' },
    ]);
    const [{ n }] = await db().dataSource.query(`SELECT count(*)::int AS n FROM letter_report`);
    expect(n).toBe(0);
  });

  it('records a rejected import with status REJECTED and its errors, and no report points to it', async () => {
    const summary = await importRows(db(), [csvRow(), csvRow({ count: '2.5' }), csvRow({ year: 2019 })], 'rejected.csv');
    expect(summary.status).toBe('REJECTED');
    expect(summary.batchId).toEqual(expect.any(Number));
    const [batch] = await db().dataSource.query(`SELECT * FROM import_batch WHERE id = $1`, [summary.batchId]);
    expect(batch).toMatchObject({
      filename: 'rejected.csv', status: 'REJECTED', rows_read: 3, rows_imported: 0, rows_duplicate: 0, rows_rejected: 2,
    });
    expect(batch.finished_at).not.toBeNull();
    expect(batch.errors).toEqual([
      { line: 3, column: 'count', reason: 'must be a whole number from 1 to 1,000,000, got "2.5"' },
      { line: 4, column: 'year', reason: 'there is no campaign for 2019' },
    ]);
    const [{ n }] = await db().dataSource.query(`SELECT count(*)::int AS n FROM letter_report WHERE batch_id = $1`, [summary.batchId]);
    expect(n).toBe(0);
    // the rolled-back attempt leaves no RUNNING batch behind
    const statuses = await db().dataSource.query(`SELECT DISTINCT status FROM import_batch ORDER BY status`);
    expect(statuses).toEqual([{ status: 'REJECTED' }]);
  });

  it('records a broken file with its file error', async () => {
    const summary = await importText(db(), Buffer.from([0xff, 0xfe, 0x00, 0x41]), { filename: 'utf16.csv' });
    const [batch] = await db().dataSource.query(`SELECT status, errors FROM import_batch WHERE id = $1`, [summary.batchId]);
    expect(batch.status).toBe('REJECTED');
    expect(batch.errors).toEqual([{ line: 0, column: '(file)', reason: expect.stringContaining('not UTF-8') }]);
  });
});

// ---------------------------------------------------------------------------------------------
// 5. Idempotence
// ---------------------------------------------------------------------------------------------

describe('importing the same reports again', () => {
  const db = useDatabase();

  it('imports nothing from the same file a second time and counts every row as a duplicate', async () => {
    const text = csvText([
      csvRow({ report_id: 'AGAIN-1' }),
      csvRow({ report_id: 'AGAIN-2', case: 'li-wen', count: 40 }),
      individualRow({ report_id: 'AGAIN-3', count: 2 }),
      csvRow({ report_id: 'AGAIN-4', year: 2023, reported_at: '2023-12-01T12:00:00Z' }),
    ]);
    expect(await importText(db(), text)).toMatchObject({ status: 'COMMITTED', read: 4, imported: 4, duplicates: 0 });
    const before = await storedState(db().dataSource);

    const again = await importText(db(), text);
    expect(again).toMatchObject({ status: 'COMMITTED', read: 4, imported: 0, duplicates: 4, rejected: 0, errorCount: 0 });
    expect(await storedState(db().dataSource)).toEqual(before);
    const [batch] = await db().dataSource.query(`SELECT rows_read, rows_imported, rows_duplicate FROM import_batch WHERE id = $1`, [again.batchId]);
    expect(batch).toEqual({ rows_read: 4, rows_imported: 0, rows_duplicate: 4 });
  });

  it('takes a row repeated identically in one file once, plus one duplicate', async () => {
    const before = await storedState(db().dataSource);
    const grouped = csvRow({ report_id: 'SAME-1', count: 9 });
    const individual = individualRow({ report_id: 'SAME-2', count: 4 }); // NULL group, written_on, subdivision
    const summary = await importRows(db(), [grouped, individual, { ...grouped }, { ...individual }, csvRow({ report_id: 'SAME-3' })]);
    expect(summary).toMatchObject({ status: 'COMMITTED', read: 5, imported: 3, duplicates: 2, errorCount: 0 });
    const after = await storedState(db().dataSource);
    expect(after.reports - before.reports).toBe(3);
    expect(after.actions - before.actions).toBe(9 + 4 + 25);
    expect(await verifyRollups(db().dataSource)).toEqual([]);
  });

  // above 1,000 rows the insert runs first and looks for repeated ids only when the unique index stops it
  it('in a file of thousands of rows: takes an identically repeated row once, and refuses a differing one', async () => {
    const many = (tag: string) => Array.from({ length: 1500 }, (_, i) => csvRow({ report_id: `${tag}-${i}`, count: 1 + (i % 7) }));
    const before = await storedState(db().dataSource);
    const rows = many('BIG-SAME');
    const summary = await importRows(db(), [...rows, { ...rows[10] }, { ...rows[700] }]);
    expect(summary).toMatchObject({ status: 'COMMITTED', read: 1502, imported: 1500, duplicates: 2, errorCount: 0 });
    const after = await storedState(db().dataSource);
    expect(after.reports - before.reports).toBe(1500);
    expect(await verifyRollups(db().dataSource)).toEqual([]);

    const conflicting = many('BIG-DIFF');
    const refused = await importRows(db(), [...conflicting, { ...conflicting[3], count: 999 }]);
    expect(refused).toMatchObject({ status: 'REJECTED', imported: 0, rejected: 1, errorCount: 1 });
    expect(refused.errors).toEqual([
      { line: 1502, column: 'report_id', reason: 'report_id "BIG-DIFF-3" is also on line 5 with different content' },
    ]);
    expect(await storedState(db().dataSource)).toEqual(after);
  });

  // large files take the same path as small ones: nothing in it may give \\, tab, newline or \\N a meaning
  it('stores ids and regions with backslashes, tabs, line breaks and a literal \\N verbatim from a large file', async () => {
    const odd = ['ODD\\N', 'ODD\ttab', 'ODD\nline', 'ODD\\back\\slash', 'ODD "quoted", comma'];
    const regions = ['Europe\tand "Central" Asia\\', '\\N', 'Line\nbreak'];
    const rows = [
      ...odd.map((id, i) => csvRow({ report_id: id, region: regions[i % regions.length] })),
      ...Array.from({ length: 150 }, (_, i) => csvRow({ report_id: `ODD-FILL-${i}` })),
    ];
    const summary = await importRows(db(), rows);
    expect(summary).toMatchObject({ status: 'COMMITTED', imported: rows.length, errorCount: 0 });
    const stored: { report_id: string; region: string }[] = await db().dataSource.query(
      `SELECT report_id, region FROM letter_report WHERE report_id = ANY($1) ORDER BY report_id`, [odd],
    );
    expect(stored).toEqual(odd.map((id, i) => ({ report_id: id, region: regions[i % regions.length] })).sort((a, b) => (a.report_id < b.report_id ? -1 : 1)));
    // the same file again: every row is found stored with the same content
    expect(await importRows(db(), rows)).toMatchObject({ status: 'COMMITTED', imported: 0, duplicates: rows.length });
    expect(await verifyRollups(db().dataSource)).toEqual([]);
  });

  it('treats the same report written differently (case, offset, spaces) as the same report', async () => {
    const first = csvRow({ report_id: 'SAME-4', reported_at: '2024-12-10T14:30:00+01:00', country: 'DE', case: 'ana-ruiz' });
    await importRows(db(), [first]);
    const rewritten = { ...first, reported_at: '2024-12-10T13:30:00Z', country: 'de', case: 'Ana-Ruiz', region: ' Europe ', action_type: 'letter' };
    expect(await importRows(db(), [rewritten])).toMatchObject({ status: 'COMMITTED', imported: 0, duplicates: 1 });
  });

  it('refuses a stored report_id with different content as a conflict, pointing to correctReport, and stores nothing of that file', async () => {
    const before = await storedState(db().dataSource);
    const summary = await importRows(db(), [
      csvRow({ report_id: 'NEW-AFTER-1' }),
      csvRow({ report_id: 'AGAIN-2', case: 'li-wen', count: 41 }),
      csvRow({ report_id: 'NEW-AFTER-2', group_ref: 'NEW-REF', group_name: 'New', group_type: 'ONLINE' }),
    ]);
    expect(summary).toMatchObject({ status: 'REJECTED', read: 3, imported: 0, rejected: 1, errorCount: 1 });
    expect(summary.errors).toEqual([
      {
        line: 3, column: 'report_id',
        reason: '"AGAIN-2" is already stored with different content; use correctReport to change a report',
      },
    ]);
    expect(await storedState(db().dataSource)).toEqual(before);
    const [{ n }] = await db().dataSource.query(`SELECT count(*)::int AS n FROM letter_report WHERE report_id LIKE 'NEW-AFTER-%'`);
    expect(n).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// 6. The command
// ---------------------------------------------------------------------------------------------

describe('npm run import', () => {
  const db = useDatabase();

  it('--dry-run checks the file, prints what would be imported, stores nothing, exit 0', async () => {
    const before = await storedState(db().dataSource);
    const [{ n: batchesBefore }] = await db().dataSource.query(`SELECT count(*)::int AS n FROM import_batch`);
    const file = writeFile('dry.csv', csvText([csvRow(), csvRow({ case: 'li-wen' }), individualRow()]));
    const result = await importCommand(db(), file, '--dry-run');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Dry run of ${file}`);
    expect(result.stdout).toMatch(/rows read\s+3\n/);
    expect(result.stdout).toMatch(/imported\s+3 \(would be; nothing was stored\)/);
    expect(await storedState(db().dataSource)).toEqual(before);
    const [{ n: batchesAfter }] = await db().dataSource.query(`SELECT count(*)::int AS n FROM import_batch`);
    expect(batchesAfter).toBe(batchesBefore);
  });

  it('imports a file and prints the summary, exit 0; again: 0 imported, all duplicates', async () => {
    const rows = [csvRow(), csvRow({ case: 'li-wen', count: 1500 }), individualRow()];
    const file = writeFile('good.csv', csvText(rows));
    const result = await importCommand(db(), file);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/rows read\s+3\n\s+imported\s+3\n\s+duplicates skipped\s+0\n\s+rejected\s+0\n/);
    expect(result.stdout).toMatch(/time\s+[\d.]+ s \([\d,]+ rows\/s\)/);
    const [{ n }] = await db().dataSource.query(`SELECT count(*)::int AS n FROM letter_report`);
    expect(n).toBe(3);

    const again = await importCommand(db(), file);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/imported\s+0\n\s+duplicates skipped\s+3\n/);
    expect(await verifyRollups(db().dataSource)).toEqual([]);
  });

  it('refuses a bad file with exit 1, listing "line N, column: reason" on stderr, and stores nothing', async () => {
    const before = await storedState(db().dataSource);
    const file = writeFile('bad.csv', csvText([csvRow(), csvRow({ count: 0 }), csvRow({ country: 'XX', subdivision: '' }), csvRow({ case: 'nobody' })]));
    const result = await importCommand(db(), file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Nothing was imported: 3 problems:');
    expect(result.stderr).toContain('line 3, count: must be a whole number from 1 to 1,000,000, got "0"');
    expect(result.stderr).toMatch(/line 4, country: must be an ISO 3166-1 alpha-2 code/);
    expect(result.stderr).toContain('line 5, case: no case "nobody" in the 2024 campaign');
    expect(result.stdout).toMatch(/rejected\s+3\n/);
    expect(await storedState(db().dataSource)).toEqual(before);
  });

  it('--dry-run of a bad file exits 1 too, with the same list', async () => {
    const file = writeFile('bad-dry.csv', csvText([csvRow({ reported_at: '2024-12-10T10:00:00' })]));
    const result = await importCommand(db(), file, '--dry-run');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 2, reported_at: must be an ISO 8601 timestamp with an offset/);
  });

  it('says how many problems there are when it lists only the first 50', async () => {
    const file = writeFile('many.csv', csvText(Array.from({ length: 70 }, () => csvRow({ count: 'x' }))));
    const result = await importCommand(db(), file);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Nothing was imported: 70 problems (the first 50 below):');
    expect(result.stderr.match(/^ {2}line \d+, count: /gm)).toHaveLength(50);
  });

  it('refuses a file with a quote never closed, exit 1, naming the line', async () => {
    const before = await storedState(db().dataSource);
    const lines = csvText([csvRow(), csvRow(), csvRow()]).split('\n');
    lines[3] = lines[3].replace('Amnesty Berlin Mitte', '"Amnesty Berlin Mitte'); // line 4
    const result = await importCommand(db(), writeFile('open-quote.csv', lines.join('\n')));
    expect.soft(await storedState(db().dataSource), 'nothing stored').toEqual(before);
    expect(result.stderr).toContain('line 4, (file): a quoted field is never closed');
    expect(result.code).toBe(1);
  });

  it('refuses a missing file and a call without a file, exit 1, with a clear message', async () => {
    const missing = await importCommand(db(), path.join(tmp, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.csv: no such file');
    const none = await importCommand(db());
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('usage: npm run import -- FILE.csv [--dry-run]');
  });
});

// ---------------------------------------------------------------------------------------------
// 7. Time zones
// ---------------------------------------------------------------------------------------------

describe('the day of a report', () => {
  const db = useDatabase();

  it("is reported_at in the campaign's time zone", async () => {
    await importRows(db(), [
      // 2024 is in Chicago time: 03:00 UTC on 10 December is 21:00 on 9 December there
      csvRow({ report_id: 'TZ-1', reported_at: '2024-12-10T03:00:00Z' }),
      csvRow({ report_id: 'TZ-2', reported_at: '2024-12-10T06:00:00Z' }),
      csvRow({ report_id: 'TZ-3', reported_at: '2024-12-09T23:30:00-06:00' }),
      csvRow({ report_id: 'TZ-4', reported_at: '2024-12-10T08:00:00+09:00' }),
      // 2023 is in London time
      csvRow({ report_id: 'TZ-5', year: 2023, reported_at: '2023-12-10T03:00:00Z' }),
      csvRow({ report_id: 'TZ-6', year: 2023, reported_at: '2023-12-10T00:30:00+01:00' }),
    ]);
    const days = await db().dataSource.query(`SELECT report_id, day::text FROM letter_report ORDER BY report_id`);
    expect(days).toEqual([
      { report_id: 'TZ-1', day: '2024-12-09' },
      { report_id: 'TZ-2', day: '2024-12-10' },
      { report_id: 'TZ-3', day: '2024-12-09' },
      { report_id: 'TZ-4', day: '2024-12-09' },
      { report_id: 'TZ-5', day: '2023-12-10' },
      { report_id: 'TZ-6', day: '2023-12-09' },
    ]);
    const daily = await db().dataSource.query(`SELECT day::text, reports FROM rollup_daily WHERE year = 2024 ORDER BY day`);
    expect(daily).toEqual([{ day: '2024-12-09', reports: 3 }, { day: '2024-12-10', reports: 1 }]);
  });
});

// ---------------------------------------------------------------------------------------------
// 8 and 9. RFC 4180 details, BOM, CRLF, streaming
// ---------------------------------------------------------------------------------------------

describe('RFC 4180 quoting and physical line numbers', () => {
  const db = useDatabase();
  /** A row whose fields need quoting: commas, quotes, non-ASCII letters. */
  const quoted = (overrides: CsvRow = {}) =>
    csvRow({
      group_ref: 'GB-LDN-12',
      group_name: 'Amnesty "Camden", London – Groupe «Nord»',
      group_type: 'LOCAL_GROUP',
      country: 'GB',
      region: 'Europe, Western',
      subdivision: 'GB-LND',
      ...overrides,
    });
  /** Errors but those on a field holding a line break (see the test of newlines inside a field). */
  const withoutLineBreakErrors = (summary: ImportSummary) =>
    summary.errors.filter((e) => !(e.column === 'group_name' && e.reason === 'contains control characters'));

  it('reads fields with commas and doubled quotes', async () => {
    const text = csvText([quoted({ report_id: 'QUOTED-1' }), quoted({ report_id: 'QUOTED-2', case: 'li-wen' })]);
    expect(text).toContain('"Amnesty ""Camden"", London – Groupe «Nord»",LOCAL_GROUP');
    expect(await importText(db(), text)).toMatchObject({ status: 'COMMITTED', read: 2, imported: 2 });
    const [group] = await db().dataSource.query(`SELECT name FROM writing_group WHERE ref = 'GB-LDN-12'`);
    expect(group.name).toBe('Amnesty "Camden", London – Groupe «Nord»');
    const regions = await db().dataSource.query(`SELECT DISTINCT region FROM letter_report WHERE report_id LIKE 'QUOTED-%'`);
    expect(regions).toEqual([{ region: 'Europe, Western' }]);
  });

  it('reads a newline inside a quoted field (RFC 4180 allows line breaks in quoted fields)', async () => {
    const name = 'Amnesty "Camden", London\nsecond line of the name';
    const text = csvText([quoted({ report_id: 'NEWLINE-1', group_ref: 'GB-LDN-13', group_name: name }), csvRow({ report_id: 'NEWLINE-2' })]);
    expect(text).toContain('"Amnesty ""Camden"", London\nsecond line of the name"');
    const summary = await importText(db(), text);
    expect(printed(summary)).toEqual([]);
    expect(summary).toMatchObject({ status: 'COMMITTED', read: 2, imported: 2 });
    const [group] = await db().dataSource.query(`SELECT name FROM writing_group WHERE ref = 'GB-LDN-13'`);
    expect(group?.name).toBe(name);
  });

  it('numbers errors after a multi-line field by physical line', async () => {
    const text = csvText([
      csvRow(), // line 2
      quoted({ group_name: 'Three\nline\nname' }), // lines 3-5
      csvRow({ count: 0 }), // line 6
      quoted({ group_name: 'Two\nlines, "quoted"' }), // lines 7-8
      csvRow({ case: 'nobody' }), // line 9
    ]);
    const summary = await importText(db(), text);
    expect(summary.status).toBe('REJECTED');
    expect(withoutLineBreakErrors(summary).map((e) => [e.line, e.column])).toEqual([[6, 'count'], [9, 'case']]);
  });

  it('numbers lines the same way with CRLF line endings and a CRLF inside a field', async () => {
    const text = csvText([
      csvRow(), // line 2
      quoted({ group_name: 'Two\r\nlines' }), // lines 3-4
      csvRow({ country: 'XX', subdivision: '' }), // line 5
    ], { eol: '\r\n' });
    const summary = await importText(db(), text);
    expect(withoutLineBreakErrors(summary).map((e) => [e.line, e.column])).toEqual([[5, 'country']]);
  });

  it('accepts a byte order mark and CRLF line endings', async () => {
    const rows = [csvRow({ report_id: 'BOM-1', count: 5 }), individualRow({ report_id: 'BOM-2', count: 6, region: 'Europe' })];
    const text = csvText(rows, { bom: true, eol: '\r\n' });
    expect(Buffer.from(text).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(await importText(db(), text)).toMatchObject({ status: 'COMMITTED', read: 2, imported: 2 });
    const stored = await db().dataSource.query(
      `SELECT report_id, count, region, subdivision FROM letter_report WHERE report_id LIKE 'BOM-%' ORDER BY report_id`,
    );
    // no "\r" left on the last field of a line
    expect(stored).toEqual([
      { report_id: 'BOM-1', count: 5, region: 'Europe', subdivision: 'DE-BE' },
      { report_id: 'BOM-2', count: 6, region: 'Europe', subdivision: null },
    ]);
  });

  it('reads a CRLF file the same when its first piece ends between the "\\r" and the "\\n" of the header', async () => {
    const text = csvText([csvRow({ report_id: 'SPLIT-1' }), csvRow({ report_id: 'SPLIT-2' }), csvRow({ report_id: 'SPLIT-3' })], { eol: '\r\n' });
    const header = Buffer.from(text.slice(0, text.indexOf('\r') + 1));
    const rest = Buffer.from(text.slice(header.length));
    const summary = await importCsv(db().dataSource, Readable.from([header, rest]), { filename: 'split.csv' });
    expect(printed(summary)).toEqual([]);
    expect(summary).toMatchObject({ status: 'COMMITTED', read: 3, imported: 3 });
    const ids = await db().dataSource.query(`SELECT report_id FROM letter_report WHERE report_id LIKE '%SPLIT-%' ORDER BY report_id`);
    expect(ids).toEqual([{ report_id: 'SPLIT-1' }, { report_id: 'SPLIT-2' }, { report_id: 'SPLIT-3' }]);
  });

  it('accepts a byte order mark before a header that starts with a quoted name', async () => {
    const text = csvText([csvRow({ report_id: 'BOM-3' })], { bom: true }).replace('report_id', '"report_id"');
    expect(await importText(db(), text)).toMatchObject({ status: 'COMMITTED', read: 1, imported: 1 });
  });

  it('gives the same line numbers however the bytes are cut (pieces of 7 bytes, through multi-line fields)', async () => {
    const rows: CsvRow[] = [];
    for (let i = 0; i < 300; i++) {
      rows.push(i % 25 === 0 ? quoted({ group_name: `Gruppe Zürich «${i}»,\r\n"Nord"` }) : csvRow({ count: i + 1 }));
    }
    rows[250] = csvRow({ count: 0 });
    const text = csvText(rows, { eol: '\r\n' });
    const whole = await importText(db(), text);
    const cut = await importText(db(), text, { pieceBytes: 7 });
    // 10 multi-line rows before row 250, each one physical line longer
    expect(withoutLineBreakErrors(whole)).toEqual([{ line: 250 + 2 + 10, column: 'count', reason: expect.any(String) }]);
    expect(cut).toMatchObject({ status: 'REJECTED', read: 300, errorCount: whole.errorCount, errors: whole.errors });
  });

  it('imports the same rows however the bytes are cut (pieces of 7 bytes, through quoted fields and UTF-8 characters)', async () => {
    const rows: CsvRow[] = [];
    for (let i = 0; i < 300; i++) {
      rows.push(i % 3 === 0 ? quoted({ report_id: `PIECES-${i}`, group_name: `Gruppe Zürich «${i}», "Nord"` }) : csvRow({ report_id: `PIECES-${i}`, count: i + 1 }));
    }
    const before = await storedState(db().dataSource);
    const summary = await importText(db(), csvText(rows, { eol: '\r\n' }), { pieceBytes: 7 });
    expect(summary).toMatchObject({ status: 'COMMITTED', read: 300, imported: 300 });
    const after = await storedState(db().dataSource);
    expect(after.actions - before.actions).toBe(rows.reduce((sum, r) => sum + Number(r.count), 0));
    const [group] = await db().dataSource.query(`SELECT name FROM writing_group WHERE ref = 'GB-LDN-12'`);
    expect(group.name).toBe('Gruppe Zürich «297», "Nord"');
    expect(await verifyRollups(db().dataSource)).toEqual([]);
  });

  it('refuses a quote left open after many rows read in pieces, naming its line, and stores none of the rows before it', async () => {
    const before = await storedState(db().dataSource);
    const lines = csvText(Array.from({ length: 200 }, () => csvRow())).split('\n');
    lines[180] = lines[180].replace('Amnesty Berlin Mitte', '"Amnesty Berlin Mitte'); // line 181
    const summary = await importText(db(), lines.join('\n'), { pieceBytes: 1000 });
    expect.soft(await storedState(db().dataSource), 'nothing stored').toEqual(before);
    expect(summary).toMatchObject({ status: 'REJECTED', imported: 0 });
    expect(summary.errors).toEqual([{ line: 181, column: '(file)', reason: 'a quoted field is never closed' }]);
  });
});

// ---------------------------------------------------------------------------------------------
// 10. A large file
// ---------------------------------------------------------------------------------------------

describe('a large file', () => {
  const db = useDatabase();
  const ROWS = 200_000;

  /** Realistic generated reports: 2,000 groups in 12 countries, a few individuals, 2 cases. */
  function generate(): { text: string; expected: Map<string, { actions: number; reports: number }> } {
    const next = random(2024);
    const areas = [
      ['DE', 'Europe', 'DE-BY'], ['DE', 'Europe', 'DE-BE'], ['FR', 'Europe', 'FR-IDF'], ['GB', 'Europe', 'GB-SCT'],
      ['US', 'Americas', 'US-IL'], ['US', 'Americas', 'US-CA'], ['MX', 'Americas', 'MX-CMX'], ['CA', 'Americas', ''],
      ['KE', 'Africa', 'KE-30'], ['GH', 'Africa', ''], ['JP', 'Asia-Pacific', 'JP-13'], ['NP', 'Asia-Pacific', ''],
    ];
    const groupTypes = ['LOCAL_GROUP', 'SCHOOL', 'STUDENT_GROUP', 'FAITH_GROUP', 'COMMUNITY_ORGANISATION', 'EVENT', 'ONLINE'];
    const actionTypes = ['LETTER', 'LETTER', 'LETTER', 'SOLIDARITY', 'EMAIL', 'PETITION', 'SMS', 'SOCIAL'];
    const groups = Array.from({ length: 2000 }, (_, g) => {
      const [country, region, subdivision] = areas[g % areas.length];
      return { ref: `G-${country}-${g}`, name: `Gruppe ${g} für Menschenrechte`, type: groupTypes[g % groupTypes.length], country, region, subdivision };
    });
    const expected = new Map<string, { actions: number; reports: number }>();
    const start = Date.UTC(2024, 10, 20); // 20 November
    const span = 72 * 24 * 3600 * 1000; // to the end of January
    const lines = [REPORT_COLUMNS.join(',')];
    for (let i = 0; i < ROWS; i++) {
      const caseSlug = next() < 0.7 ? 'ana-ruiz' : 'li-wen';
      const count = Math.max(1, Math.floor(1 / (next() ** 1.2 + 0.002))); // a power law: mostly small reports
      const reportedMs = start + Math.floor(next() * span);
      const reportedAt = new Date(reportedMs).toISOString().replace('.000Z', 'Z');
      const writtenOn = next() < 0.8 ? new Date(reportedMs - Math.floor(next() * 3) * 86_400_000).toISOString().slice(0, 10) : '';
      const action = actionTypes[Math.floor(next() * actionTypes.length)];
      let fields: (string | number)[];
      if (next() < 0.1) {
        const [country, region, subdivision] = areas[Math.floor(next() * areas.length)];
        fields = [`BIG-${i}`, 2024, caseSlug, '', '', '', action, count, writtenOn, reportedAt, country, region, subdivision];
      } else {
        const g = groups[Math.floor(next() ** 2 * groups.length)];
        fields = [`BIG-${i}`, 2024, caseSlug, g.ref, g.name, g.type, action, count, writtenOn, reportedAt, g.country, g.region, g.subdivision];
      }
      lines.push(fields.join(','));
      const t = expected.get(caseSlug) ?? { actions: 0, reports: 0 };
      t.actions += count;
      t.reports += 1;
      expected.set(caseSlug, t);
    }
    return { text: `${lines.join('\n')}\n`, expected };
  }

  it('imports 200,000 rows, and the summary tables match', { timeout: 300_000 }, async () => {
    const { text, expected } = generate();
    const summary = await importText(db(), text, { filename: 'large.csv', pieceBytes: 1 << 20 });
    console.log(
      `import of ${summary.read.toLocaleString('en')} rows (${(text.length / 1e6).toFixed(1)} MB): ` +
        `${summary.seconds.toFixed(1)} s, ${summary.rowsPerSecond.toLocaleString('en')} rows/s`,
    );
    expect(summary).toMatchObject({ status: 'COMMITTED', read: ROWS, imported: ROWS, duplicates: 0, rejected: 0, errorCount: 0 });
    const { raw, rollup } = await totalsByCase(db().dataSource);
    expect(raw).toEqual(
      [...expected.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([slug, t]) => ({ slug, ...t })),
    );
    expect(rollup).toEqual(raw);
    const [{ groups }] = await db().dataSource.query(`SELECT count(*)::int AS groups FROM writing_group`);
    expect(groups).toBeGreaterThan(1500);
    expect(await verifyRollups(db().dataSource)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// A large file is stored in parts while it is read (here parts of 500 rows), in one transaction
// ---------------------------------------------------------------------------------------------

describe('a file stored in parts while it is read', () => {
  const db = useDatabase();
  const inParts = (rows: CsvRow[]) => importText(db(), csvText(rows), { storeEvery: 500 });
  const many = (tag: string, n = 1500) => Array.from({ length: n }, (_, i) =>
    (i % 5 === 0 ? individualRow : csvRow)({ report_id: `${tag}-${i}`, count: 1 + (i % 7), case: i % 3 ? 'ana-ruiz' : 'li-wen' }));

  it('stores every part, takes a row repeated identically in a later part once, and keeps the summary tables exact', async () => {
    const before = await storedState(db().dataSource);
    const rows = many('PART-SAME');
    const summary = await inParts([...rows, { ...rows[10] }, { ...rows[700] }]);
    expect(summary).toMatchObject({ status: 'COMMITTED', read: 1502, imported: 1500, duplicates: 2, errorCount: 0 });
    const after = await storedState(db().dataSource);
    expect(after.reports - before.reports).toBe(1500);
    expect(after.actions - before.actions).toBe(rows.reduce((sum, r) => sum + Number(r.count), 0));
    expect(await verifyRollups(db().dataSource)).toEqual([]);
    // the same file again: every part is found stored
    expect(await inParts(rows)).toMatchObject({ status: 'COMMITTED', imported: 0, duplicates: 1500 });
    expect(await storedState(db().dataSource)).toEqual(after);
  });

  it('refuses an id repeated with other content in a later part, with the line of the first, and stores nothing', async () => {
    const before = await storedState(db().dataSource);
    const rows = many('PART-DIFF');
    const summary = await inParts([...rows, { ...rows[3], count: 999 }, { ...rows[4] }]);
    expect(summary).toMatchObject({ status: 'REJECTED', imported: 0, rejected: 1, errorCount: 1 });
    expect(summary.errors).toEqual([
      { line: 1502, column: 'report_id', reason: 'report_id "PART-DIFF-3" is also on line 5 with different content' },
    ]);
    expect(await storedState(db().dataSource)).toEqual(before);
  });

  it('refuses an id stored before with other content, found in the second part, and stores nothing', async () => {
    await inParts([csvRow({ report_id: 'PART-STORED-1', count: 5 })]);
    const before = await storedState(db().dataSource);
    const rows = many('PART-CONFLICT');
    rows[800] = csvRow({ report_id: 'PART-STORED-1', count: 6 });
    const summary = await inParts(rows);
    expect(summary).toMatchObject({ status: 'REJECTED', imported: 0, rejected: 1, errorCount: 1 });
    expect(summary.errors).toEqual([{
      line: 802, column: 'report_id',
      reason: '"PART-STORED-1" is already stored with different content; use correctReport to change a report',
    }]);
    expect(await storedState(db().dataSource)).toEqual(before);
  });

  it('refuses an unknown case in the last part and a bad row in the second, listing both, and stores nothing', async () => {
    const before = await storedState(db().dataSource);
    const rows = many('PART-BAD');
    rows[1400] = csvRow({ report_id: 'PART-BAD-CASE', case: 'nobody' });
    rows[600] = csvRow({ report_id: 'PART-BAD-COUNT', count: 0 });
    const summary = await inParts(rows);
    expect(summary).toMatchObject({ status: 'REJECTED', imported: 0, rejected: 2, errorCount: 2 });
    expect(summary.errors.map((e) => [e.line, e.column])).toEqual([[602, 'count'], [1402, 'case']]);
    expect(await storedState(db().dataSource)).toEqual(before);

    const unknownOnly = many('PART-CASE');
    unknownOnly[1200] = csvRow({ report_id: 'PART-CASE-X', case: 'nobody' });
    expect(await inParts(unknownOnly)).toMatchObject({ status: 'REJECTED', imported: 0, rejected: 1, errorCount: 1 });
    expect(await storedState(db().dataSource)).toEqual(before);
  });

  it('checks without storing on a dry run', async () => {
    const before = await storedState(db().dataSource);
    const summary = await importText(db(), csvText(many('PART-DRY')), { storeEvery: 500, dryRun: true });
    expect(summary).toMatchObject({ status: 'DRY_RUN', imported: 1500, duplicates: 0, errorCount: 0 });
    expect(await storedState(db().dataSource)).toEqual(before);
  });
});
