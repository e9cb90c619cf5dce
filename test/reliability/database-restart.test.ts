import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRollups } from '../../server/modules/rollups/verify-rollups';
import { findOrphanReports } from '../../server/modules/reports/verify-references';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { campaign, givenCampaigns } from '../support/fixtures';
import { startApp, type RunningApp } from '../support/http';

/**
 * Design §7: "PostgreSQL restarted while serving: requests fail cleanly, then recover with no restart
 * of ours." The app (the real HTTP server, in this process) serves 8 clients sending queries and
 * submitReport in a loop while every one of its PostgreSQL connections is terminated, three ways:
 * - once, the connections only (PostgreSQL comes back at once);
 * - twice, an outage of 2 s: the database refuses new connections (ALTER DATABASE … ALLOW_CONNECTIONS
 *   false) and every connection is terminated, as when the server restarts; then it is allowed again.
 * A request must end within 10 s, with 200 or 503 with Retry-After and the code SERVICE_UNAVAILABLE
 * (never INTERNAL_SERVER_ERROR: an outage is a state to retry through, not an error); the process must
 * not crash; /readyz must turn 200 again by itself; every acknowledged report must be stored once.
 * While the database is down, /healthz and uploads to /api/imports answer 503 with Retry-After too.
 */

const CLIENTS = 8;
const HANG_MS = 10_000;
const SUBMIT = `mutation($input: ReportInput!) { submitReport(input: $input) { id reportId count } }`;
const QUERY = `{ impact(filter: { year: 2024 }) { totalActions reportCount byRegion { key actions } } }`;
const AREAS = [
  { country: 'DE', region: 'Europe and Central Asia' },
  { country: 'US', region: 'Americas' },
  { country: 'KE', region: 'Africa' },
  { country: 'JP', region: 'Asia-Pacific' },
];

let db: TestDatabase;
let app: RunningApp;
let monitor: pg.Client;
let dbName: string;

beforeAll(async () => {
  db = await createTestDatabase();
  dbName = new URL(db.url).pathname.slice(1);
  await givenCampaigns(db.dataSource, campaign(2024));
  app = await startApp(db.dataSource);
  // the terminator's own connection, to the server's maintenance database (a database cannot be
  // closed to connections from inside itself)
  const adminUrl = new URL(db.url);
  adminUrl.pathname = '/postgres';
  monitor = new pg.Client({ connectionString: adminUrl.toString(), application_name: 'w4r-reliability-monitor' });
  await monitor.connect();
});

afterAll(async () => {
  await monitor?.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`).catch(() => undefined);
  await monitor?.end().catch(() => undefined);
  await app?.stop();
  await db?.drop();
});

type Outcome = 'ok' | 'graphql-error' | '5xx' | 'other-status' | 'network-error' | 'hang' | 'bad-answer';

interface Result {
  kind: 'submit' | 'query';
  outcome: Outcome;
  status?: number;
  code?: string;
  retryAfter?: string | null;
  ms: number;
  at: number;
  detail?: string;
}

async function request(
  query: string,
  variables: object,
): Promise<{ outcome: Outcome; status?: number; code?: string; retryAfter?: string | null; body?: any; detail?: string; ms: number }> {
  const started = Date.now();
  try {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.adminToken}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(HANG_MS),
    });
    const text = await res.text();
    const ms = Date.now() - started;
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (res.status >= 500) {
      const code = body?.errors?.[0]?.extensions?.code;
      return { outcome: '5xx', status: res.status, code, retryAfter: res.headers.get('retry-after'), ms, detail: text.slice(0, 200) };
    }
    if (res.status !== 200 || !body) return { outcome: 'other-status', status: res.status, ms, detail: text.slice(0, 200) };
    if (body.errors?.length) {
      const code = body.errors[0].extensions?.code;
      // a clean failure names its kind
      return { outcome: code ? 'graphql-error' : 'bad-answer', status: 200, code, body, ms, detail: JSON.stringify(body.errors).slice(0, 200) };
    }
    return { outcome: 'ok', status: 200, body, ms };
  } catch (error) {
    const ms = Date.now() - started;
    const name = (error as Error).name;
    return { outcome: name === 'TimeoutError' ? 'hang' : 'network-error', ms, detail: String((error as Error).cause ?? error) };
  }
}

async function readyz(): Promise<number> {
  try {
    return (await fetch(`${app.url}/readyz`, { signal: AbortSignal.timeout(HANG_MS) })).status;
  } catch {
    return 0;
  }
}

/** Terminates every connection to the test database but the monitor's: the app's pool and its LISTEN connection. */
async function terminateAll(): Promise<number> {
  const { rows } = await monitor.query(
    `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
     WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [dbName],
  );
  return rows[0].n;
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, pollMs = 25): Promise<number> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not recovered in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return Date.now() - started;
}

describe('while 8 clients query and submit, every PostgreSQL connection of the app is terminated', () => {
  it('fails cleanly, recovers by itself within seconds, and loses or half-stores nothing', async () => {
    const results: Result[] = [];
    const acknowledged = new Map<string, number>(); // reportId -> count
    const failed = new Map<string, number>();
    const failedInputs: object[] = [];
    let stop = false;
    let serial = 0;
    const lastOk = { submit: 0, query: 0 };

    const client = async (c: number) => {
      while (!stop) {
        const area = AREAS[(c + serial) % AREAS.length];
        const input = {
          reportId: `R-${c}-${++serial}`, year: 2024, caseSlug: serial % 3 ? 'ana-ruiz' : 'li-wen', actionType: 'LETTER',
          count: 1 + (serial % 37), reportedAt: `2024-12-${10 + (serial % 10)}T12:00:00Z`, ...area,
          groupRef: `G-${serial % 11}`, groupName: `Group ${serial % 11}`, groupType: 'LOCAL_GROUP',
        };
        // a group's area follows its last report: keep each group in one area
        Object.assign(input, AREAS[(serial % 11) % AREAS.length]);
        const startedAt = Date.now();
        const submit = await request(SUBMIT, { input });
        results.push({ kind: 'submit', ...submit, at: Date.now() });
        if (submit.outcome === 'ok') {
          expect(submit.body.data.submitReport).toMatchObject({ reportId: input.reportId, count: input.count });
          acknowledged.set(input.reportId, input.count);
          lastOk.submit = startedAt;
        } else {
          failed.set(input.reportId, input.count);
          failedInputs.push(input);
        }
        const queryStartedAt = Date.now();
        const query = await request(QUERY, {});
        results.push({ kind: 'query', ...query, at: Date.now() });
        if (query.outcome === 'ok') lastOk.query = queryStartedAt;
      }
    };

    const clients = Array.from({ length: CLIENTS }, (_, c) => client(c));
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const outages: { kind: string; terminated: number; downMs: number; readyMs: number; submitMs: number; queryMs: number; refused: number }[] = [];
    /** Milliseconds from `since` until /readyz answers 200, a submit succeeds, a query succeeds (started after `since`). */
    const recover = async (since: number) => {
      const [readyAt, submitAt, queryAt] = await Promise.all([
        until(async () => (await readyz()) === 200, 15_000).then(() => Date.now()),
        until(async () => lastOk.submit > since, 15_000, 5).then(() => lastOk.submit),
        until(async () => lastOk.query > since, 15_000, 5).then(() => lastOk.query),
      ]);
      return { readyMs: readyAt - since, submitMs: submitAt - since, queryMs: queryAt - since };
    };
    const failuresBetween = (from: number, to: number) => results.filter((r) => r.at >= from && r.at < to && r.outcome !== 'ok').length;
    try {
      await pause(1500); // steady traffic first
      expect(results.filter((r) => r.outcome === 'ok').length).toBeGreaterThan(0);
      expect(failuresBetween(0, Date.now())).toBe(0);

      // 1. every connection terminated, the database accepting new ones at once
      {
        const started = Date.now();
        const terminated = await terminateAll();
        const recovered = await recover(started);
        await pause(1000);
        outages.push({ kind: 'connections terminated', terminated, downMs: 0, ...recovered, refused: failuresBetween(started, Date.now()) });
      }

      // 2. and 3. a restart: the database refuses connections for 2 s, every connection terminated
      for (let round = 0; round < 2; round++) {
        const started = Date.now();
        await monitor.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS false`);
        let terminated = await terminateAll();
        while (Date.now() - started < 2000) {
          await pause(100);
          terminated += await terminateAll();
        }
        expect(await readyz()).toBe(503); // while it is down, /readyz says so (and answers)
        // so do /healthz and an upload, with a time to try again
        const health = await fetch(`${app.url}/healthz`);
        expect([health.status, health.headers.get('retry-after')]).toEqual([503, '1']);
        const upload = await fetch(`${app.url}/api/imports?dryRun=true`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv', authorization: `Bearer ${app.adminToken}` },
          body: 'report_id,year\n',
        });
        expect([upload.status, upload.headers.get('retry-after'), (await upload.json()).code]).toEqual([503, '1', 'SERVICE_UNAVAILABLE']);
        await monitor.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS true`);
        const back = Date.now();
        const recovered = await recover(back);
        await pause(1000);
        outages.push({ kind: 'restart (down 2 s)', terminated, downMs: back - started, ...recovered, refused: failuresBetween(started, Date.now()) });
      }
      const calm = Date.now();
      await pause(1000); // and traffic after: nothing fails
      expect(failuresBetween(calm, Date.now())).toBe(0);
    } finally {
      stop = true;
      await Promise.all(clients);
    }

    // how each request ended
    const count = (o: Outcome) => results.filter((r) => r.outcome === o).length;
    const summary = Object.fromEntries((['ok', 'graphql-error', '5xx', 'other-status', 'network-error', 'hang', 'bad-answer'] as Outcome[]).map((o) => [o, count(o)]));
    const codes = [...new Set(results.filter((r) => r.outcome !== 'ok').map((r) => `${r.status ?? '-'} ${r.code ?? ''}`.trim()))];
    const slowest = Math.max(...results.map((r) => r.ms));
    if (process.env.SHOW_FAILURES) {
      const seen = new Map<string, string>();
      for (const r of results) if (r.outcome !== 'ok') seen.set(`${r.kind} ${r.status} ${r.code}`, r.detail ?? '');
      console.log([...seen].map(([k, d]) => `${k}: ${d}`).join('\n'));
    }
    console.log(`database-restart: ${results.length} requests: ${JSON.stringify(summary)}; failures answered as ${JSON.stringify(codes)}; slowest ${slowest} ms`);
    for (const o of outages) {
      console.log(
        `database-restart: ${o.kind}: ${o.terminated} backends terminated, down ${o.downMs} ms; ` +
          `recovered (from the database being back): /readyz 200 after ${o.readyMs} ms, first submit ok after ${o.submitMs} ms, ` +
          `first query ok after ${o.queryMs} ms; ${o.refused} requests refused meanwhile`,
      );
    }
    // every refusal is the retryable one: 503, Retry-After, SERVICE_UNAVAILABLE (and never INTERNAL_SERVER_ERROR)
    const unclean = results.filter((r) => r.outcome !== 'ok' && !(r.status === 503 && r.retryAfter === '1' && r.code === 'SERVICE_UNAVAILABLE'));
    // and say nothing of the database: no connection error, name or SQL reaches the client
    const leaks = results.filter((r) => r.detail && (r.detail.includes(dbName) || /terminat|connection|accepting|SELECT|INSERT|Error:/i.test(r.detail)));
    expect(leaks.map((r) => r.detail).slice(0, 3)).toEqual([]);
    expect(unclean, JSON.stringify(unclean.slice(0, 5))).toEqual([]);
    expect(slowest).toBeLessThan(HANG_MS);
    for (const o of outages) expect(o.readyMs).toBeLessThan(10_000);
    expect(app.httpServer.listening).toBe(true);
    // the LISTEN connection for live updates is back too (it retries with a backoff of at most 5 s)
    const listenerBackIn = await until(async () => {
      const { rows } = await monitor.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND application_name = 'w4r-impact data version'`, [dbName]);
      return rows.length === 1;
    }, 10_000, 50);
    console.log(`database-restart: the LISTEN connection for live updates reconnected by itself (seen ${listenerBackIn} ms into the check)`);
    // after the last outage, everything works
    expect((await request(QUERY, {})).outcome).toBe('ok');

    // data: every acknowledged report stored once with its count; a failed one stored wholly or not at all
    const ids = [...acknowledged.keys(), ...failed.keys()];
    const stored: { report_id: string; count: number; n: number }[] = await db.dataSource.query(
      `SELECT report_id, min(count)::int AS count, count(*)::int AS n FROM letter_report WHERE report_id = ANY($1) GROUP BY report_id`,
      [ids],
    );
    const byId = new Map(stored.map((s) => [s.report_id, s]));
    const lost = [...acknowledged].filter(([id, n]) => byId.get(id)?.count !== n || byId.get(id)?.n !== 1);
    const failedButStored = [...failed].filter(([id]) => byId.has(id));
    console.log(
      `database-restart: ${acknowledged.size} submits acknowledged, ${failed.size} failed; ` +
        `acknowledged but lost: ${lost.length}; failed but stored: ${failedButStored.length}`,
    );
    expect(lost).toEqual([]);
    // an error answered means nothing stored (the report is read inside its transaction)
    expect(failedButStored).toEqual([]);
    expect(stored.every((s) => s.n === 1)).toBe(true);
    const [{ reports, actions }] = await db.dataSource.query(
      `SELECT count(*)::int AS reports, coalesce(sum(count), 0)::int AS actions FROM letter_report WHERE status = 'ACTIVE'`,
    );
    const sum = (entries: [string, number][]) => entries.reduce((s, [, n]) => s + n, 0);
    expect({ reports, actions }).toEqual({ reports: acknowledged.size, actions: sum([...acknowledged]) });
    // the figures the app answers are the stored ones, and the summary tables agree with the raw reports
    const answer = await request(QUERY, {});
    expect(answer.body.data.impact).toMatchObject({ totalActions: actions, reportCount: reports });
    expect(await verifyRollups(db.dataSource)).toEqual([]);
    expect(await findOrphanReports(db.dataSource)).toEqual([]);
    // a client that got an error sends the report again (idempotent on reportId): each is then stored once
    for (const input of failedInputs) expect((await request(SUBMIT, { input })).outcome).toBe('ok');
    const [after] = await db.dataSource.query(
      `SELECT count(*)::int AS reports, count(DISTINCT report_id)::int AS ids, coalesce(sum(count), 0)::int AS actions
       FROM letter_report WHERE status = 'ACTIVE'`,
    );
    expect(after).toEqual({
      reports: acknowledged.size + failed.size,
      ids: acknowledged.size + failed.size,
      actions: sum([...acknowledged]) + sum([...failed]),
    });
    expect(await verifyRollups(db.dataSource)).toEqual([]);
  }, 120_000);
});
