import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { logger } from '../../server/logger';
import { correctReport, retractReport, submitReport } from '../../server/modules/reports/report.service';
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
afterEach(() => vi.restoreAllMocks());

const staff = { userId: null };
let serial = 0;
const form = (group: string, overrides: Partial<ReportInput> = {}) =>
  ({
    reportId: `P-${++serial}`, year: 2024, caseSlug: 'ana-ruiz', actionType: 'LETTER', count: 5,
    reportedAt: new Date('2024-12-10T12:00:00Z'), country: 'DE', region: 'Europe',
    groupRef: group, groupName: `Group ${group}`, groupType: 'LOCAL_GROUP', ...overrides,
  }) as ReportInput;

/** Another writer (an import storing the group) holding the group's row until it commits; `whenWaiting`: a writer waits for it. */
async function holdGroup(ref: string) {
  const other = new pg.Client({ connectionString: db.url });
  await other.connect();
  await other.query(`BEGIN`);
  await other.query(`SELECT 1 FROM writing_group WHERE ref = $1 FOR UPDATE`, [ref]);
  const locked = `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
  return {
    client: other,
    whenWaiting: async () => {
      while ((await other.query(locked)).rows[0].n === 0) await new Promise((r) => setTimeout(r, 20));
    },
    release: () => other.query(`COMMIT`).finally(() => other.end()),
  };
}

const totals = async () =>
  (await db.dataSource.query(`SELECT coalesce(sum(count), 0)::int AS actions, count(*)::int AS reports FROM letter_report WHERE status = 'ACTIVE'`))[0];

describe('form writes side by side', () => {
  it('a submit, a correction and a retraction are stored while another form write waits for a lock', async () => {
    const toCorrect = await submitReport(db.dataSource, form('FREE-1'), staff);
    const toRetract = await submitReport(db.dataSource, form('FREE-2'), staff);
    await submitReport(db.dataSource, form('HELD'), staff);
    const held = await holdGroup('HELD');
    try {
      let waitingDone = false;
      const waiting = submitReport(db.dataSource, form('HELD', { groupName: 'Renamed' }), staff).finally(() => (waitingDone = true));
      waiting.catch(() => undefined); // awaited below
      await held.whenWaiting();

      // none of these waits for the form held up above (they did, behind one database-wide lock)
      const [submitted, corrected, retracted] = await Promise.all([
        submitReport(db.dataSource, form('FREE-3'), staff),
        correctReport(db.dataSource, Number(toCorrect.id), form('FREE-1', { count: 7 }), staff),
        retractReport(db.dataSource, Number(toRetract.id), 'sent twice', staff),
      ]);
      expect([submitted.status, corrected.count, retracted.status]).toEqual(['ACTIVE', 7, 'RETRACTED']);
      expect(waitingDone).toBe(false);

      await held.release();
      expect((await waiting).status).toBe('ACTIVE');
    } finally {
      await held.client.end().catch(() => undefined);
    }
    expect(await verifyRollups(db.dataSource)).toEqual([]);
  });

  it('a correction waiting for a group locks the report it replaces only after it (the lock order): that report stays free meanwhile', async () => {
    const old = await submitReport(db.dataSource, form('FREE-4'), staff);
    await submitReport(db.dataSource, form('HELD-2'), staff);
    const held = await holdGroup('HELD-2');
    try {
      const correcting = correctReport(db.dataSource, Number(old.id), form('HELD-2', { groupName: 'Renamed 2' }), staff);
      correcting.catch(() => undefined); // awaited below
      await held.whenWaiting();
      // the report is not held by the waiting correction (it was, locked before the group)
      const [row] = (await held.client.query(`SELECT status FROM letter_report WHERE id = $1 FOR UPDATE NOWAIT`, [old.id])).rows;
      expect(row.status).toBe('ACTIVE');
      await held.release();
      expect((await correcting).count).toBe(5);
    } finally {
      await held.client.end().catch(() => undefined);
    }
    expect(await verifyRollups(db.dataSource)).toEqual([]);
  });

  it('crosswise corrections, retractions, submits and races on one report: no deadlock, every total exact', async () => {
    const retried = vi.spyOn(logger, 'warn');
    const before = await totals();
    const pairs = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => ({
        a: await submitReport(db.dataSource, form(`A-${i}`, { count: 10 }), staff),
        b: await submitReport(db.dataSource, form(`B-${i}`, { count: 20, country: 'US', region: 'Americas' }), staff),
      })),
    );
    // each pair corrected crosswise at once: a into b's group and area, b into a's (both renamed,
    // so each correction locks the other's group); a third writer retracts or corrects a as well,
    // and forms keep arriving for both groups
    const writes = pairs.flatMap(({ a, b }, i) => [
      correctReport(db.dataSource, Number(a.id), form(`B-${i}`, { groupName: `B-${i} renamed`, count: 11, country: 'US', region: 'Americas' }), staff),
      correctReport(db.dataSource, Number(b.id), form(`A-${i}`, { groupName: `A-${i} renamed`, count: 21 }), staff),
      i % 2
        ? retractReport(db.dataSource, Number(a.id), 'sent twice', staff)
        : correctReport(db.dataSource, Number(a.id), form(`A-${i}`, { count: 12 }), staff),
      submitReport(db.dataSource, form(`A-${i}`, { count: 1 }), staff),
      submitReport(db.dataSource, form(`B-${i}`, { count: 2, country: 'US', region: 'Americas' }), staff),
    ]);
    const settled = await Promise.allSettled(writes);

    const refused = settled.flatMap((s) => (s.status === 'rejected' ? [String(s.reason?.message)] : []));
    // the only refusal: the loser of the two writes on the same report
    expect(refused).toHaveLength(pairs.length);
    for (const message of refused) expect(message).toMatch(/is already (superseded|retracted)/);
    expect(retried).not.toHaveBeenCalled();

    // every pair ends with b's replacement (21), one of a's fates (11, 12 or retracted: 0), and the two forms (1 + 2)
    const stored = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const added = stored.filter((r) => r.status === 'ACTIVE').reduce((sum, r) => sum + r.count, 0);
    expect(await totals()).toEqual({
      actions: before.actions + added,
      reports: before.reports + stored.filter((r) => r.status === 'ACTIVE').length,
    });
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM letter_report WHERE status = 'ACTIVE' AND report_id IN (${pairs.flatMap(({ a, b }) => [`'${a.reportId}'`, `'${b.reportId}'`])})`,
    );
    expect(n).toBe(0);
    expect(await verifyRollups(db.dataSource)).toEqual([]);
  });
});
