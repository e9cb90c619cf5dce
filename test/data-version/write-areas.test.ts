import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataVersionWatcher, type Area } from '../../server/data-version';
import { ReportIngest } from '../../server/modules/reports/ingest';
import { retractReport } from '../../server/modules/reports/report.service';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';

// Each kind of report write says which years and areas it changed: only those answers go.

let db: TestDatabase;
let watcher: DataVersionWatcher;

const country = (code: string, year = 2024): Area[] => [{ years: [year], regions: null, countries: [code] }];

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2023), campaign(2024));
  await givenReports(db.dataSource, [report({ country: 'BR', region: 'Americas' })]);
  // no notifications: only this process's commits move it
  watcher = new DataVersionWatcher(db.dataSource, { listen: false, pollMs: 60_000, pollTrustMs: 60_000 });
  await watcher.start();
});
afterAll(async () => {
  await watcher?.stop();
  await db?.drop();
});

/** The newest view: a writer's. */
function newest() {
  watcher.wrote(1);
  return watcher.view(1);
}

describe('the areas a write carries', () => {
  it('a pipelined import: the years and countries of the rows it stored', async () => {
    const before = await newest();
    await db.dataSource.transaction(async (m) => {
      const [{ id: batchId }] = await m.query(`INSERT INTO import_batch (filename) VALUES ('areas.csv') RETURNING id`);
      const ingest = new ReportIngest(m, { source: 'IMPORT', batchId });
      await ingest.begin();
      await ingest.pipelined(2);
      const rows = [report({ country: 'PL', region: 'Europe and Central Asia' }), report({ country: 'DE', region: 'Europe and Central Asia', year: 2023, reportedAt: '2023-12-10T12:00:00Z' }), report({ country: 'PL', region: 'Europe and Central Asia' })];
      await ingest.add(rows.map((row, i) => ({ line: i + 2, row })));
      expect((await ingest.finish()).errorCount).toBe(0);
    });
    const after = await newest();
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.changedAt(country('PL'))).toBe(after.version);
    expect(after.changedAt(country('DE', 2023))).toBe(after.version);
    expect(after.changedAt(country('BR'))).toBe(before.changedAt(country('BR')));
    expect(after.changedAt(country('DE'))).toBe(before.changedAt(country('DE')));
  });

  it("a retraction: the retracted report's year and country", async () => {
    await givenReports(db.dataSource, [report({ reportId: 'AREAS-MX', country: 'MX', region: 'Americas' })]);
    const [{ id }] = await db.dataSource.query(`SELECT id FROM letter_report WHERE report_id = 'AREAS-MX'`);
    const before = await newest();
    await retractReport(db.dataSource, id, 'a test', { userId: null });
    const after = await newest();
    expect(after.changedAt(country('MX'))).toBe(after.version);
    expect(after.changedAt(country('PL'))).toBe(before.changedAt(country('PL')));
  });
});
