import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../../server/db/data-source';
import { importCsv } from '../../server/modules/imports/import-csv';
import { ReportIngest } from '../../server/modules/reports/ingest';
import { correctReport, retractReport, submitReport } from '../../server/modules/reports/report.service';
import type { ReportInput } from '../../server/modules/reports/report.inputs';
import { verifyRollups } from '../../server/modules/rollups/verify-rollups';
import { csvRow, csvStream, csvText, type CsvRow } from '../support/csv';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { campaign, givenCampaigns, report } from '../support/fixtures';

/**
 * Issue 13: a large import and forms writing at the same time, in the same areas, so that both
 * change the same summary rows (and groups). Neither may fail on a deadlock, nothing may be lost
 * or counted twice.
 */
const COUNTRIES = ['AT', 'BE', 'CH', 'CZ', 'DE', 'DK', 'ES', 'FI', 'FR', 'GB', 'GR', 'HU', 'IE', 'IT', 'NL', 'NO', 'PL', 'PT', 'SE'];
const CASES = ['ana-ruiz', 'li-wen'];
const ACTIONS = ['LETTER', 'EMAIL', 'PETITION'];
/** Writing days of the fixture campaign: 20 November to 31 December. */
const DAYS = Array.from({ length: 42 }, (_, d) => new Date(Date.UTC(2024, 10, 20 + d)).toISOString().slice(0, 10));
/** Rows of each import, stored in parts of STORE_EVERY while the file is read. */
const IMPORT_ROWS = 20_000;
const STORE_EVERY = 5_000;
/** Form writers running side by side while an import runs. */
const WRITERS = 4;
const ROUNDS = 3;

let db: TestDatabase;
/** The writers' own pool: closed at the end, so that PostgreSQL has counted their deadlocks. */
let writers: DataSource;
const WRITERS_APP = 'w4r writers under test';
beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
  writers = await createDataSource({ url: db.url, applicationName: WRITERS_APP }).initialize();
});
afterAll(async () => {
  if (writers?.isInitialized) await writers.destroy();
  await db?.drop();
});

/**
 * Deadlocks PostgreSQL detected in this database. A backend counts its own and reports them by the
 * time it has left pg_stat_activity: the writers' pool is closed, and its backends waited for.
 */
async function deadlocksAfterWritersLeft(): Promise<number> {
  await writers.destroy();
  const left = `SELECT count(*) = 0 AS gone FROM pg_stat_activity WHERE application_name = $1`;
  while (!(await db.dataSource.query(left, [WRITERS_APP]))[0].gone) await new Promise((r) => setTimeout(r, 50));
  const [{ deadlocks }] = await db.dataSource.query(`SELECT deadlocks::int FROM pg_stat_database WHERE datname = current_database()`);
  return deadlocks;
}

/**
 * The i-th place of a report: area, case, action, group, subdivision and day, spread (coprime
 * moduli) over thousands of keys of every summary table, which imports and forms share.
 */
function place(i: number) {
  const country = COUNTRIES[i % COUNTRIES.length];
  return {
    country,
    caseSlug: CASES[i % CASES.length],
    actionType: ACTIONS[i % ACTIONS.length],
    groupRef: `G-${i % 401}`,
    day: DAYS[i % DAYS.length],
    // a group's place is that of its last report: imports and forms keep changing it
    subdivision: `${country}-${i % 23}`,
  };
}

function importRows(round: number): CsvRow[] {
  return Array.from({ length: IMPORT_ROWS }, (_, i) => {
    const p = place(i);
    return csvRow({
      report_id: `IMP-${round}-${i}`, case: p.caseSlug, action_type: p.actionType, count: 1 + (i % 9),
      group_ref: p.groupRef, group_name: `Group ${p.groupRef}`, country: p.country, region: 'Europe',
      subdivision: p.subdivision, written_on: '', reported_at: `${p.day}T12:00:00Z`,
    });
  });
}

let serial = 0;
/** A form of an individual (as most are): no group, whose row the import holds until it commits. */
function formInput(i: number): ReportInput {
  const p = place(i);
  return {
    reportId: `FORM-${++serial}`, year: 2024, caseSlug: p.caseSlug, actionType: p.actionType as ReportInput['actionType'],
    count: 1 + (i % 7), reportedAt: new Date(`${p.day}T15:00:00Z`), country: p.country, region: 'Europe',
    subdivision: p.subdivision,
  } as ReportInput;
}

/**
 * One form writer until `done()`: mostly new reports, and now and then a correction (to another
 * place) or a retraction of one of its own. Every write must succeed; returns how many were made.
 */
async function formWriter(writer: number, done: () => boolean): Promise<number> {
  const own: number[] = [];
  let writes = 0;
  for (let i = writer; !done(); i += WRITERS) {
    if (i % 5 === 4 && own.length > 0) {
      const id = own.shift()!;
      if (i % 2 === 0) own.push((await correctReport(writers, id, formInput(i + 11), { userId: null })).id);
      else await retractReport(writers, id, 'counted twice', { userId: null });
    } else {
      own.push((await submitReport(writers, formInput(i), { userId: null })).id);
    }
    writes++;
  }
  return writes;
}

describe('an import while forms write in the same areas', () => {
  it('stores the whole file and every form write, and the summary tables stay exact', async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      let importing = true;
      const forms = Array.from({ length: WRITERS }, (_, w) => formWriter(w, () => !importing));
      const imported = importCsv(writers, csvStream(csvText(importRows(round))), {
        filename: `round-${round}.csv`,
        storeEvery: STORE_EVERY,
      }).finally(() => (importing = false));
      const [summary, ...writes] = await Promise.all([imported, ...forms]);
      expect(summary).toMatchObject({ status: 'COMMITTED', imported: IMPORT_ROWS, errorCount: 0 });
      expect(writes.every((n) => n > 0)).toBe(true);
      const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM letter_report WHERE report_id LIKE $1`, [`IMP-${round}-%`]);
      expect(n).toBe(IMPORT_ROWS);
      expect(await verifyRollups(db.dataSource)).toEqual([]);
    }
    // not even one retried: every writer takes rows in the same order
    expect(await deadlocksAfterWritersLeft()).toBe(0);
  });
});

describe('a form of a group an import is storing', () => {
  it('is stored while the import runs: the import locks only the groups it changes', async () => {
    const pool = await createDataSource({ url: db.url }).initialize();
    const runner = pool.createQueryRunner();
    try {
      await submitReport(pool, { ...formInput(1), groupRef: 'G-HELD', groupName: 'Held', groupType: 'LOCAL_GROUP', country: 'DE', subdivision: null }, { userId: null });
      await runner.startTransaction();
      const [{ id: batchId }] = await runner.query(`INSERT INTO import_batch (filename) VALUES ('held.csv') RETURNING id`);
      const ingest = new ReportIngest(runner.manager, { source: 'IMPORT', batchId });
      await ingest.begin();
      await ingest.pipelined(1); // the first row is a part: stored (its group upserted) at once
      await ingest.add([{ line: 2, row: report({ reportId: 'HELD-1', groupRef: 'G-HELD', groupName: 'Held', country: 'DE', region: 'Europe' }) }]);
      // the import's transaction is open, holding what it locked; the form names the group as stored
      const stored = await submitReport(pool, { ...formInput(2), groupRef: 'G-HELD', groupName: 'Held', groupType: 'LOCAL_GROUP', country: 'DE', subdivision: null }, { userId: null });
      expect(stored.reportId).toMatch(/^FORM-/);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
      await pool.destroy();
    }
  });
});
