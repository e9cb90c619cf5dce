import { TSX } from '../support/commands';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignsFile } from '../../seeds/demo';
import { campaign } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'w4r-campaigns-'));

function campaignsCommand(db: TestDatabase, ...files: string[]) {
  return run(TSX, ['server/cli/campaigns.ts', 'load', ...files], {
    env: { ...process.env, DATABASE_URL: db.url },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

function writeJson(name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
}

async function contents(db: TestDatabase) {
  return {
    campaigns: await db.dataSource.query(`SELECT * FROM campaign ORDER BY year`),
    cases: await db.dataSource.query(`SELECT * FROM "case" ORDER BY id`),
    outcomes: await db.dataSource.query(`SELECT * FROM case_outcome ORDER BY id`),
  };
}

describe('npm run campaigns -- load', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('loads the seed file, and loading it again gives exactly the same rows', async () => {
    const first = await campaignsCommand(db, campaignsFile);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Loaded 13 campaigns, \d+ cases and \d+ outcomes/);
    const before = await contents(db);
    expect(before.campaigns.map((c: { year: number }) => c.year)).toEqual([
      2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025,
    ]);
    expect((await campaignsCommand(db, campaignsFile)).code).toBe(0);
    expect(await contents(db)).toEqual(before);
  });

  it('upserts by year and slug: a changed name updates the case in place', async () => {
    const file = writeJson('rename.json', [
      campaign(2030, { cases: [{ slug: 'ana-ruiz', name: 'Ana Ruiz', country: 'MX', theme: 'community' }] }),
    ]);
    await campaignsCommand(db, file);
    const renamed = writeJson('renamed.json', [
      campaign(2030, { cases: [{ slug: 'ana-ruiz', name: 'Ana María Ruiz', country: 'MX', theme: 'COMMUNITY' }] }),
    ]);
    expect((await campaignsCommand(db, renamed)).code).toBe(0);
    const rows = await db.dataSource.query(`SELECT name, theme FROM "case" WHERE year = 2030`);
    expect(rows).toEqual([{ name: 'Ana María Ruiz', theme: 'COMMUNITY' }]);
  });

  it('refuses a bad file naming each bad field, and stores nothing from any file', async () => {
    const before = await contents(db);
    const good = writeJson('good.json', [campaign(2031)]);
    const bad = writeJson('bad.json', [
      campaign(2032, {
        timezone: 'Mars/Olympus',
        cases: [{ slug: 'Bad Slug', name: 'X', country: 'Iran', theme: 'OTHER', outcomes: [{ date: '2033-02-30', kind: 'RELEASED' }] }],
      }),
    ]);
    const result = await campaignsCommand(db, good, bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Nothing was loaded');
    expect(result.stderr).toContain('[0].timezone');
    expect(result.stderr).toContain('[0].cases[0].slug');
    expect(result.stderr).toContain('[0].cases[0].country');
    expect(result.stderr).toContain('[0].cases[0].outcomes[0].date');
    expect(await contents(db)).toEqual(before);
  });

  it('refuses unknown fields, dates out of order and text that is not JSON', async () => {
    const unknown = writeJson('unknown.json', [campaign(2033, { colour: 'yellow' })]);
    expect((await campaignsCommand(db, unknown)).stderr).toMatch(/colour/);
    const order = writeJson('order.json', [campaign(2033, { writingEnds: '2033-11-01' })]);
    expect((await campaignsCommand(db, order)).stderr).toContain('[0].writingEnds: must not be before writingStarts');
    const notJson = path.join(dir, 'not.json');
    writeFileSync(notJson, '{"year": 20');
    const result = await campaignsCommand(db, notJson);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not valid JSON');
  });
});
