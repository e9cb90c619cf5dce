import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seeds/demo';
import { startDemoTrickle } from '../../seeds/demo-trickle';
import { clockOn } from '../../server/common/clock';
import { readEnv } from '../../server/env';
import { verifyRollups } from '../../server/modules/rollups/verify-rollups';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';
import { subscribeFigures } from '../support/live';

// While the embedded demo runs, reports keep arriving through the write path of every form.

let db: TestDatabase;
let app: RunningApp;
const december = clockOn('2026-12-06');

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.dataSource, { scale: 0.02, now: december() });
  app = await startApp(db.dataSource, { embedded: true, clock: december });
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

const liveReports = async (): Promise<{ n: number; forms: number; actions: number }> => {
  const [row] = await db.dataSource.query(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE source = 'FORM')::int AS forms, coalesce(sum(count), 0)::int AS actions
     FROM letter_report WHERE report_id LIKE 'DEMO-LIVE-%'`,
  );
  return row;
};

const overview = async () => {
  const { data, errors } = await app.graphql(
    '{ impact(filter: { year: 2026 }) { totalActions } campaign(year: 2026) { progress { asOf final totalActions } } }',
  );
  expect(errors).toBeUndefined();
  return data;
};

describe('the demo trickle', () => {
  it('stores reports for the running campaign as forms do: summary tables exact, live event sent, answers fresh', async () => {
    const before = await overview();
    expect(before.campaign.progress).toMatchObject({ asOf: '2026-12-06', final: false });
    const live = subscribeFigures(app.url, { token: app.adminToken });
    const trickle = startDemoTrickle(db.dataSource, { now: december, everyMs: 100 });
    try {
      const first = await live.waitFor(() => true);
      await expect.poll(async () => (await liveReports()).n, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
      await live.waitFor((e) => e.dataVersion > first.dataVersion, 5_000);
    } finally {
      await trickle.stop();
      await live.close();
    }
    const stored = await liveReports();
    expect(stored.forms).toBe(stored.n);
    const [{ years }] = await db.dataSource.query(
      `SELECT array_agg(DISTINCT year) AS years FROM letter_report WHERE report_id LIKE 'DEMO-LIVE-%'`,
    );
    expect(years).toEqual([2026]);
    expect(await verifyRollups(db.dataSource)).toEqual([]);
    const after = await overview();
    expect(after.impact.totalActions).toBe(before.impact.totalActions + stored.actions);
    expect(after.campaign.progress.totalActions).toBeGreaterThan(before.campaign.progress.totalActions);
  });

  it('stops when stopped: nothing arrives afterwards', async () => {
    const trickle = startDemoTrickle(db.dataSource, { now: december, everyMs: 50 });
    await expect.poll(async () => (await liveReports()).n, { timeout: 10_000 }).toBeGreaterThan(3);
    await trickle.stop();
    const stopped = await liveReports();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await liveReports()).toEqual(stopped);
  });

  it('sends nothing while no campaign is running (in summer)', async () => {
    const before = await liveReports();
    const trickle = startDemoTrickle(db.dataSource, { now: clockOn('2027-07-01'), everyMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await trickle.stop();
    expect(await liveReports()).toEqual(before);
  });
});

describe('the switch', () => {
  it('is on for the embedded demo, off with DEMO_TRICKLE=off, under tests unless asked, and always with DATABASE_URL', () => {
    expect(readEnv({ NODE_ENV: 'development' }).demoTrickle).toBe(true);
    expect(readEnv({ NODE_ENV: 'development', DEMO_TRICKLE: 'off' }).demoTrickle).toBe(false);
    expect(readEnv({ NODE_ENV: 'test' }).demoTrickle).toBe(false);
    expect(readEnv({ NODE_ENV: 'test', DEMO_TRICKLE: 'on' }).demoTrickle).toBe(true);
    expect(readEnv({ NODE_ENV: 'development', DATABASE_URL: 'postgres://x@127.0.0.1/w4r' }).demoTrickle).toBe(false);
    expect(readEnv({ DEMO_TRICKLE: 'on', DATABASE_URL: 'postgres://x@127.0.0.1/w4r' }).demoTrickle).toBe(false);
    expect(() => readEnv({ DEMO_TRICKLE: 'maybe' })).toThrow('DEMO_TRICKLE must be "on" or "off", got "maybe"');
  });

  it('DEMO_TODAY takes a date', () => {
    expect(readEnv({ DEMO_TODAY: '2027-01-15' }).demoToday).toBe('2027-01-15');
    expect(readEnv({}).demoToday).toBeUndefined();
    expect(() => readEnv({ DEMO_TODAY: '15/01/2027' })).toThrow('DEMO_TODAY must be a date written YYYY-MM-DD');
  });
});
