import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLLUP_TABLES } from '../../server/modules/rollups/rollup-tables';
import { findOrphanReports } from '../../server/modules/reports/verify-references';
import { inVerifyTransaction } from '../../server/modules/rollups/verify-rollups';
import { TSX } from '../support/commands';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';

const run = promisify(execFile);

/** `npm run verify` against the test database, as a child process. */
function verifyCommand(db: TestDatabase) {
  return run(TSX, ['server/cli/verify.ts'], { env: { ...process.env, DATABASE_URL: db.url } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('npm run verify', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await givenCampaigns(db.dataSource, campaign(2024));
    await givenReports(db.dataSource, [
      report(),
      report({ country: 'DE', region: 'Europe and Central Asia' }),
      report({ groupRef: 'US-CHI-1', reportedAt: '2024-12-03T12:00:00Z' }),
    ]);
  });
  afterAll(() => db?.drop());

  it('passes on exact summary tables, naming each table on stderr as it checks it', async () => {
    const result = await verifyCommand(db);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Every summary table matches the raw reports');
    for (const table of ROLLUP_TABLES) expect(result.stderr).toMatch(new RegExp(`verify: summary table ${table.name} \\(\\d+/\\d+\\)`));
  });

  it('checks at one snapshot without the pool\'s statement timeout, which a check at 10 M reports outlasts (the import bench too)', async () => {
    const [{ statement_timeout: pool }] = await db.dataSource.query('SHOW statement_timeout');
    expect(pool).not.toBe('0');
    const inside = await inVerifyTransaction(db.dataSource, async (m) => ({
      timeout: (await m.query('SHOW statement_timeout'))[0].statement_timeout,
      isolation: (await m.query('SHOW transaction_isolation'))[0].transaction_isolation,
    }));
    expect(inside).toEqual({ timeout: '0', isolation: 'repeatable read' });
  });

  it('counts reports whose case, group or batch does not exist, each once', async () => {
    const [{ id, case_id: caseId, group_id: groupId }] = await db.dataSource.query(
      `SELECT id, case_id, group_id FROM letter_report WHERE group_id IS NOT NULL ORDER BY id LIMIT 1`,
    );
    await db.dataSource.query(`UPDATE letter_report SET case_id = -1, group_id = -1, batch_id = -1 WHERE id = $1`, [id]);
    try {
      expect(await findOrphanReports(db.dataSource)).toEqual([
        { reference: 'case', reports: 1 },
        { reference: 'group', reports: 1 },
        { reference: 'batch', reports: 1 },
      ]);
    } finally {
      await db.dataSource.query(`UPDATE letter_report SET case_id = $2, group_id = $3, batch_id = NULL WHERE id = $1`, [id, caseId, groupId]);
    }
    expect(await findOrphanReports(db.dataSource)).toEqual([]);
  });

  it('names a summary row that differs, exit 1', async () => {
    await db.dataSource.query(`UPDATE rollup_daily SET actions = actions + 1 WHERE country = 'DE'`);
    const result = await verifyCommand(db);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('1 problem:');
    expect(result.stderr).toMatch(/rollup_daily .*"country":"DE".*: expected 10 actions in 1 reports, stored 11 actions in 1 reports/);
  });

  it("names a group's first day that differs, exit 1", async () => {
    await db.dataSource.query(`UPDATE rollup_group_first_day SET first_day = first_day + 1`);
    const result = await verifyCommand(db);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/rollup_group_first_day .*"country":"US".*: expected first day 2024-12-03, stored first day 2024-12-04\n/);
  });

  it('fails to check with one line and exit 1, never a stack trace', async () => {
    const last = ROLLUP_TABLES.at(-1)!.name;
    await db.dataSource.query(`DROP TABLE ${last}`);
    const result = await verifyCommand(db);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`verify could not finish: relation "${last}" does not exist\n`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('a database it cannot open is one line and exit 1, never a stack trace', async () => {
    const url = new URL(db.url);
    url.pathname = '/w4r_no_such_database';
    const result = await verifyCommand({ ...db, url: url.toString() });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^cannot open the database: .*database "w4r_no_such_database" does not exist/m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
