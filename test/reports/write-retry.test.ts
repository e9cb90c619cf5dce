import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitReport } from '../../server/modules/reports/report.service';
import type { ReportInput } from '../../server/modules/reports/report.inputs';
import { verifyRollups } from '../../server/modules/rollups/verify-rollups';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { campaign, givenCampaigns } from '../support/fixtures';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
});
afterAll(() => db?.drop());

const form = (reportId: string) =>
  ({
    reportId, year: 2024, caseSlug: 'ana-ruiz', actionType: 'LETTER', count: 3, reportedAt: new Date('2024-12-10T12:00:00Z'),
    country: 'DE', region: 'Europe', groupRef: 'G-1', groupName: 'Group 1', groupType: 'LOCAL_GROUP',
  }) as ReportInput;

describe('a single write rolled back on a deadlock', () => {
  it('is run again and stored once', async () => {
    await submitReport(db.dataSource, form('R-1'), { userId: null });
    // another writer against the lock order: it holds the form's daily summary row, then asks for
    // the group the form has locked meanwhile; PostgreSQL cancels the form (the other waits longer)
    const other = new pg.Client({ connectionString: db.url });
    await other.connect();
    try {
      await other.query(`BEGIN`);
      await other.query(`SET LOCAL deadlock_timeout = '60s'`);
      await other.query(`UPDATE rollup_daily SET actions = actions WHERE year = 2024 AND country = 'DE' AND day = '2024-12-10'`);
      const submitted = submitReport(db.dataSource, form('R-2'), { userId: null });
      submitted.catch(() => undefined); // awaited below
      const waiting = `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      while ((await other.query(waiting)).rows[0].n === 0) await new Promise((r) => setTimeout(r, 20));
      await other.query(`SELECT 1 FROM writing_group WHERE ref = 'G-1' FOR UPDATE`);
      await other.query(`COMMIT`);
      const stored = await submitted;
      expect(stored.reportId).toBe('R-2');
    } finally {
      await other.end();
    }
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM letter_report WHERE report_id = 'R-2'`);
    expect(n).toBe(1);
    expect(await verifyRollups(db.dataSource)).toEqual([]);
  });
});
