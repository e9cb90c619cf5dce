import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { campaign, givenCampaigns } from '../support/fixtures';
import { startApp, type RunningApp } from '../support/http';

/**
 * Design §7: "Overload (more readers than the database can serve): bounded waiting, 503 with
 * Retry-After, writes still accepted; never a random GraphQL error." The app runs with a tiny read
 * pool (2 connections, at most 3 requests waiting, 500 ms each). Reads are made slow for certain:
 * another session holds a lock on the table the `imports` query reads, so each such read keeps its
 * connection until the lock goes. Then many of them are sent at once.
 */

const READ_POOL = { size: 2, queueLimit: 3, waitMs: 500 };
const READERS = 16;
const SLOW_READ = `{ imports { id } }`;
const CACHED_READ = `{ impact(filter: { year: 2024 }) { totalActions reportCount } }`;
const SUBMIT = `mutation($input: ReportInput!) { submitReport(input: $input) { reportId count case { slug } } }`;

let db: TestDatabase;
let app: RunningApp;
let locker: pg.Client;

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
  // every read executes at once (server/http/read-gate.ts, tested in test/http/read-gate.test.ts): the pool is what is overloaded here
  app = await startApp(db.dataSource, { readPool: READ_POOL, readConcurrency: READERS });
  locker = new pg.Client({ connectionString: db.url, application_name: 'w4r-overload-locker' });
  await locker.connect();
});

afterAll(async () => {
  await locker?.end().catch(() => undefined);
  await app?.stop();
  await db?.drop();
});

interface Answer {
  status: number;
  retryAfter: string | null;
  cache: string | null;
  body: any;
}

async function post(query: string, variables: object = {}): Promise<Answer> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.adminToken}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), cache: res.headers.get('x-answer-cache'), body: await res.json() };
}

/** Connections of the app's read pool waiting on the lock (asked outside the locker's transaction, which sees one snapshot of the statistics). */
async function readsWaitingOnTheLock(): Promise<number> {
  const [{ n }] = await db.dataSource.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'w4r-impact reads' AND wait_event_type = 'Lock'
       AND datname = current_database()`,
  );
  return n;
}

describe('more readers than the read pool serves', () => {
  it('answers the rest 503 with Retry-After and SERVICE_UNAVAILABLE, serves cached answers, and takes writes at once', async () => {
    // an answer kept by the answer cache before the overload
    expect((await post(CACHED_READ)).status).toBe(200);

    await locker.query('BEGIN');
    await locker.query('LOCK TABLE import_batch IN ACCESS EXCLUSIVE MODE');
    const readers = Array.from({ length: READERS }, () => post(SLOW_READ));
    const settled = new Set<number>();
    readers.forEach((r, i) => void r.then(() => settled.add(i)));

    // the pool's two connections are stuck behind the lock: the reads saturate it
    while ((await readsWaitingOnTheLock()) < READ_POOL.size) await new Promise((r) => setTimeout(r, 20));
    // every reader that found no connection has been answered by now (at once, or after 500 ms)
    while (settled.size < READERS - READ_POOL.size) await new Promise((r) => setTimeout(r, 20));

    // meanwhile a kept answer is still served, from the answer cache
    const cached = await post(CACHED_READ);
    expect([cached.status, cached.cache]).toEqual([200, 'hit']);
    // and a write is made while the read pool is saturated (its own connections: never behind the reads)
    const input = {
      reportId: 'OVERLOAD-1', year: 2024, caseSlug: 'ana-ruiz', actionType: 'LETTER', count: 7,
      reportedAt: '2024-12-10T12:00:00Z', country: 'DE', region: 'Europe and Central Asia',
    };
    const write = await post(SUBMIT, { input });
    expect(write.body.errors).toBeUndefined();
    expect(write.body.data.submitReport).toEqual({ reportId: 'OVERLOAD-1', count: 7, case: { slug: 'ana-ruiz' } });
    // the slow reads are still holding the read pool: the write did not wait for them
    expect(await readsWaitingOnTheLock()).toBe(READ_POOL.size);
    expect(settled.size).toBe(READERS - READ_POOL.size);
    // a read of data the write changed (the answer cache misses) finds no connection: refused cleanly
    const busy = await post(CACHED_READ);
    expect([busy.status, busy.retryAfter, busy.body.errors?.[0]?.extensions?.code]).toEqual([503, '1', 'SERVICE_UNAVAILABLE']);

    await locker.query('COMMIT');
    const answers = await Promise.all(readers);

    const answered = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 503);
    console.log(`overload: ${READERS} slow reads on a pool of ${READ_POOL.size}: ${answered.length} answered, ${refused.length} refused with 503`);
    // the ones that had a connection are answered once the lock goes
    expect(answered.length).toBe(READ_POOL.size);
    for (const a of answered) expect([a.body.data, a.body.errors]).toEqual([{ imports: [] }, undefined]);
    // every other one: 503, Retry-After, the retryable code; nothing else (no 500, no INTERNAL_SERVER_ERROR)
    expect(refused.length).toBe(READERS - READ_POOL.size);
    for (const r of refused) {
      expect(r.retryAfter).toBe('1');
      expect(r.body.data ?? null).toBeNull();
      expect(r.body.errors).toEqual([
        {
          message: 'The service is busy or restarting; nothing was done. Please try again in a moment.',
          path: ['imports'],
          extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfter: 1 },
        },
      ]);
    }
    // and with the pool free again, reads are answered, the write among the figures
    const after = await post(CACHED_READ);
    expect([after.status, after.body.data.impact]).toEqual([200, { totalActions: 7, reportCount: 1 }]);
  });
});
