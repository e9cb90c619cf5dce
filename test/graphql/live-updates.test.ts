import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_QUERY } from '../support/dashboard-queries';
import { BUMP_DATA_VERSION_SQL, bumpDataVersion, DataVersionWatcher } from '../../server/data-version';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';
import { subscribeFigures } from '../support/live';

let db: TestDatabase;
let app: RunningApp;
let serial = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
  await givenReports(db.dataSource, [
    report({ count: 10, groupRef: 'US-1', groupName: 'Chicago group' }),
    report({ count: 300, region: 'Europe and Central Asia', country: 'DE', groupRef: 'DE-1', groupName: 'Berlin group' }),
  ]);
  app = await startApp(db.dataSource, { socketRecheckMs: 200 });
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

const SUBMIT = `mutation($input: ReportInput!) { submitReport(input: $input) { id } }`;
const submitInput = (count: number) => ({
  reportId: `LIVE-${++serial}`, year: 2024, caseSlug: 'ana-ruiz', actionType: 'LETTER', count,
  reportedAt: '2024-12-10T10:00:00Z', country: 'US', region: 'Americas',
});

async function total(token?: string): Promise<{ totalActions: number; dataVersion: number; freshness: number }> {
  const answer = await app.graphql('{ impact(filter: { year: 2024 }) { totalActions dataVersion } }', {}, token);
  expect(answer.errors).toBeUndefined();
  return { ...answer.data.impact, freshness: answer.extensions.freshness.dataVersion };
}

/** A write by "another process": its own connection, committed outside this app's data source. */
async function bumpElsewhere(): Promise<number> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query(BUMP_DATA_VERSION_SQL);
    return Number(rows[0].version);
  } finally {
    await client.end();
  }
}

describe('Subscription.figuresChanged', () => {
  it('sends the current version at once, then an event within 2 s of a submitted report', async () => {
    const live = subscribeFigures(app.url, { token: app.adminToken });
    try {
      const first = await live.waitFor(() => true);
      expect(first.dataVersion).toBe((await total()).dataVersion);
      const sent = performance.now();
      const submitted = await app.graphql(SUBMIT, { input: submitInput(5) });
      const answered = performance.now();
      expect(submitted.errors).toBeUndefined();
      const event = await live.waitFor((e) => e.dataVersion > first.dataVersion, 2000);
      console.log(`same process: submit sent → event ${(event.at - sent).toFixed(1)} ms (mutation answered after ${(answered - sent).toFixed(1)} ms)`);
      expect(event.at - sent).toBeLessThan(2000);
      expect(new Date(event.asOf).getTime()).toBeGreaterThan(Date.now() - 5000);
      expect(event.dataVersion).toBe((await total()).dataVersion);
    } finally {
      await live.close();
    }
  });

  it('sends at most one event per half second, carrying the newest version', async () => {
    const live = subscribeFigures(app.url, { token: app.adminToken });
    try {
      const first = await live.waitFor(() => true);
      let last = 0;
      for (let i = 0; i < 10; i++) last = await bumpElsewhere();
      const newest = await live.waitFor((e) => e.dataVersion === last, 2000);
      const changes = live.events.filter((e) => e.dataVersion > first.dataVersion);
      expect(changes.length).toBeLessThanOrEqual(2);
      expect(changes.at(-1)).toBe(newest);
      for (let i = 1; i < changes.length; i++) expect(changes[i].at - changes[i - 1].at).toBeGreaterThanOrEqual(450);
    } finally {
      await live.close();
    }
  });

  it('is open to coordinators too: it carries a version, no figure', async () => {
    const coordinator = await app.userToken('coordinator', ['Americas']);
    const live = subscribeFigures(app.url, { token: coordinator });
    try {
      const first = await live.waitFor(() => true);
      expect(Object.keys(first).sort()).toEqual(['asOf', 'at', 'dataVersion']);
    } finally {
      await live.close();
    }
  });
});

describe('WebSocket authentication', () => {
  it('refuses a socket without a user, with a bad token, or of a disabled account (4401)', async () => {
    const forged = `${app.adminToken.slice(0, -4)}AAAA`;
    for (const token of [undefined, 'not-a-token', forged]) {
      const live = subscribeFigures(app.url, { token });
      expect(await live.ended).toMatchObject({ code: 4401 });
      expect(live.events).toEqual([]);
      await live.close();
    }
  });

  it('accepts the session cookie of a page of this origin, refuses it from another origin (4403)', async () => {
    await app.graphql(`mutation { addUser(email: "live@amnesty.example", role: "staff", password: "live-password-123") { id } }`);
    const login = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation { login(email: "live@amnesty.example", password: "live-password-123") { email } }` }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const host = new URL(app.url).host;
    const ours = subscribeFigures(app.url, { headers: { cookie, origin: `http://${host}` } });
    try {
      expect((await ours.waitFor(() => true)).dataVersion).toBeGreaterThan(0);
    } finally {
      await ours.close();
    }
    const foreign = subscribeFigures(app.url, { headers: { cookie, origin: 'https://evil.example' } });
    expect(await foreign.ended).toMatchObject({ code: 4403 });
    await foreign.close();
  });

  it('closes an open socket once its account is disabled', async () => {
    const token = await app.userToken('staff');
    const live = subscribeFigures(app.url, { token });
    await live.waitFor(() => true);
    const me = await app.graphql('{ me { email } }', {}, token);
    await app.graphql(`mutation($e: String!) { disableUser(email: $e) { disabled } }`, { e: me.data.me.email });
    expect(await live.ended).toMatchObject({ code: 4401 });
    await live.close();
  });

  it('serves only subscriptions: queries and mutations belong on HTTP', async () => {
    const live = subscribeFigures(app.url, { token: app.adminToken, query: '{ impact(filter: { year: 2024 }) { totalActions } }' });
    const ended = await live.ended;
    expect((ended.errors?.[0] as { extensions: { code: string } }).extensions.code).toBe('BAD_REQUEST');
    await live.close();
  });

  it('refuses upgrades on other paths', async () => {
    const socket = new WebSocket(`${app.url.replace('http', 'ws')}/elsewhere`, 'graphql-transport-ws');
    const status = await new Promise((resolve) => {
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode));
      socket.once('open', () => resolve('open'));
      socket.once('error', () => undefined);
    });
    socket.terminate();
    expect(status).toBe(404);
  });
});

describe('the data version in memory', () => {
  it('shows a written report on the very next request of the same process', async () => {
    const before = await total();
    const sent = performance.now();
    const submitted = await app.graphql(SUBMIT, { input: submitInput(7) });
    const after = await total();
    console.log(`same process: submit sent → next answer with the new total ${(performance.now() - sent).toFixed(1)} ms`);
    expect(submitted.errors).toBeUndefined();
    expect(after.totalActions).toBe(before.totalActions + 7);
    expect(after.dataVersion).toBe(before.dataVersion + 1);
    expect(after.freshness).toBe(after.dataVersion);
    // a write in this process that is not a GraphQL request (an import, a fixture) counts the same
    await givenReports(db.dataSource, [report({ count: 4 })]);
    expect((await total()).totalActions).toBe(after.totalActions + 4);
  });

  it('hears a commit of another process within 1 s', async () => {
    const before = await total();
    const version = await bumpElsewhere();
    const started = Date.now();
    while ((await total()).dataVersion < version) {
      expect(Date.now() - started).toBeLessThan(1000);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(version).toBeGreaterThan(before.dataVersion);
  });

  it('answers 20 identical concurrent dashboards with one execution of each statement', async () => {
    await givenReports(db.dataSource, [report({ count: 1, groupRef: 'US-2', groupName: 'Evanston group' })]);
    // every statement on both of the app's pools: writes (with the user lookups) and reads
    const pools = [db.dataSource, app.readPool];
    const statements = new Map<string, number>();
    const originals = pools.map((ds) => ds.createQueryRunner);
    pools.forEach((ds, i) => {
      ds.createQueryRunner = (...args) => {
        const runner = originals[i].apply(ds, args);
        const query = runner.query.bind(runner);
        runner.query = ((sql: string, ...rest: unknown[]) => {
          statements.set(sql, (statements.get(sql) ?? 0) + 1);
          return (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
        }) as typeof runner.query;
        return runner;
      };
    });
    try {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => app.graphql(DASHBOARD_QUERY, { filter: { year: 2024 } })),
      );
      expect(answers.every((a) => !a.errors && a.data.impact.totalActions === answers[0].data.impact.totalActions)).toBe(true);
    } finally {
      pools.forEach((ds, i) => (ds.createQueryRunner = originals[i]));
    }
    if (process.env.SHOW_STATEMENTS) console.log([...statements].map(([sql, n]) => `${n} × ${sql.replace(/\s+/g, " ").slice(0, 90)}`).join("\n"));
    const [userLookups, figures] = partition([...statements], ([sql]) => /\bapp_user\b/.test(sql));
    // who is asking is looked up once per data version and shared by requests arriving together
    // (every change to a user bumps the version, so a disabled account still stops at once)
    expect(userLookups.reduce((n, [, count]) => n + count, 0)).toBe(1);
    // the figures: every statement once (several: figures of one table share a GROUPING SETS pass),
    // and no request asked the database for the data version
    expect(figures.length).toBeGreaterThanOrEqual(5);
    expect(figures.filter(([, count]) => count !== 1)).toEqual([]);
    expect(figures.filter(([sql]) => /data_version/.test(sql))).toEqual([]);
  });
});

describe('DataVersionWatcher', () => {
  it('reconnects after its connection is killed, reading the database meanwhile', async () => {
    const watcher = new DataVersionWatcher(db.dataSource, { backoffMs: [50, 200] });
    await watcher.start();
    try {
      expect(watcher.mode).toBe('listening');
      await db.dataSource.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'w4r-impact data version' AND datname = current_database()`,
      );
      await until(() => watcher.mode !== 'listening');
      // while it is away, every read asks the database: never stale
      const version = await bumpElsewhere();
      expect((await watcher.read()).version).toBe(version);
      await until(() => watcher.mode === 'listening', 5000);
      const next = await bumpElsewhere();
      await until(() => watcher.latest!.version === next, 1000);
    } finally {
      await watcher.stop();
    }
  });

  it('listens again after a probe slower than its timeout, rather than polling for good, where notifications arrived before', async () => {
    const watcher = new DataVersionWatcher(db.dataSource, { backoffMs: [50, 200], probeTimeoutMs: 300 });
    const query = db.dataSource.query.bind(db.dataSource);
    let slow = false;
    // a loaded database: the probe's notification is sent after the probe has given up
    db.dataSource.query = ((sql: string, ...rest: unknown[]) =>
      slow && /pg_notify/.test(sql)
        ? new Promise((r) => setTimeout(r, 600)).then(() => (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest))
        : (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest)) as typeof db.dataSource.query;
    await watcher.start();
    try {
      expect(watcher.mode).toBe('listening');
      slow = true;
      await db.dataSource.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'w4r-impact data version' AND datname = current_database()`,
      );
      await until(() => watcher.mode !== 'listening');
      const modes = new Set<string>();
      for (let i = 0; i < 20; i++) {
        modes.add(watcher.mode);
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(modes.has('polling')).toBe(false);
      slow = false;
      await until(() => watcher.mode === 'listening', 5000);
    } finally {
      db.dataSource.query = query;
      await watcher.stop();
    }
  });

  it('learns a commit of this process when COMMIT returns, and nothing of a rollback', async () => {
    // no notifications and no polls within the test: only the commit hook can advance it
    const watcher = new DataVersionWatcher(db.dataSource, { listen: false, pollMs: 60_000, pollTrustMs: 60_000 });
    await watcher.start();
    try {
      const before = watcher.latest!.version;
      await db.dataSource
        .transaction(async (m) => {
          await bumpDataVersion(m);
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      expect(watcher.latest!.version).toBe(before);
      let bumped = 0;
      await db.dataSource.transaction(async (m) => {
        bumped = await bumpDataVersion(m);
        expect(watcher.latest!.version).toBe(before); // not before the commit
      });
      expect(watcher.latest!.version).toBe(bumped);
      expect((await watcher.read()).version).toBe(bumped); // from memory: trusted for a minute here
    } finally {
      await watcher.stop();
    }
  });

  it('polls every 500 ms where notifications cannot arrive (the embedded database)', async () => {
    const watcher = new DataVersionWatcher(db.dataSource, { listen: false });
    await watcher.start();
    try {
      expect(watcher.mode).toBe('polling');
      const version = await bumpElsewhere();
      const started = Date.now();
      await until(() => watcher.latest!.version === version, 1000);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      await watcher.stop();
    }
  });

  it('keeps serving when the database cannot be reached, and never crashes', async () => {
    const unreachable = { options: { ...db.dataSource.options, url: 'postgres://nobody@127.0.0.1:1/none' }, subscribers: [] };
    const watcher = new DataVersionWatcher(unreachable as unknown as typeof db.dataSource, { backoffMs: [20, 40] });
    await watcher.start();
    expect(watcher.mode).toBe('down');
    await new Promise((r) => setTimeout(r, 150));
    await watcher.stop();
    expect(watcher.mode).toBe('stopped');
  });
});

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((i) => !test(i))];
}

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
