import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaign, givenCampaigns } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { startApp, type RunningApp } from '../support/http';

let db: TestDatabase;
let app: RunningApp;

const SUBMIT = `mutation($input: ReportInput!) { submitReport(input: $input) { id } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
  // one read executing at a time (one read held in the database fills the place) and one waiting
  app = await startApp(db.dataSource, { readConcurrency: 1, readQueueLimit: 1 });
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

const post = (query: string, variables?: Record<string, unknown>) =>
  fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.adminToken}` },
    body: JSON.stringify({ query, variables }),
  });

/**
 * Sends `query` (a read of the snapshot table) while another connection holds that table locked, and
 * waits until the read waits on the lock: it holds a place until the locker's ROLLBACK.
 */
async function holdOneRead(query: string): Promise<{ locker: pg.Client; held: Promise<Response> }> {
  const locker = new pg.Client({ connectionString: db.url });
  await locker.connect();
  await locker.query('BEGIN');
  await locker.query('LOCK TABLE snapshot IN ACCESS EXCLUSIVE MODE');
  const held = post(query);
  await eventually(
    async () => (await locker.query(`SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted`)).rows[0].waiting,
    (waiting) => waiting === 1,
  );
  return { locker, held };
}

describe('GraphQL reads executing at once (READ_CONCURRENCY)', () => {
  it('are limited: the next read waits its turn, a write goes past it, and a read finding the queue full is answered 503', async () => {
    const { locker, held } = await holdOneRead('{ snapshots { slug } }');
    try {
      let settled = false;
      const next = post('{ impact(filter: { year: 2024 }) { totalActions } }').finally(() => (settled = true));

      const write = await (
        await post(SUBMIT, {
          input: {
            reportId: 'GATE-1', year: 2024, caseSlug: 'ana-ruiz', actionType: 'LETTER', count: 3,
            reportedAt: '2024-12-10T12:00:00Z', country: 'DE', region: 'Europe and Central Asia',
          },
        })
      ).json();
      expect(write.errors).toBeUndefined();
      expect(write.data.submitReport.id).toBeTruthy();
      expect(settled).toBe(false);

      // one executing, one waiting: a third read is refused at once
      const busy = await post('{ campaigns { year } }');
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('1');
      expect((await busy.json()).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(settled).toBe(false);

      await locker.query('ROLLBACK');
      expect((await (await held).json()).data.snapshots).toEqual([]);
      // the waiting read has its turn, after the write
      expect((await (await next).json()).data.impact.totalActions).toBe(3);
    } finally {
      await locker.end();
    }
  });

  it('frees the place of a read whose client went away while it waited', async () => {
    // not the answer the test above left in the cache
    const { locker, held } = await holdOneRead('{ snapshots { slug year } }');
    try {
      // a tab closed while its read waited in line
      const tab = new AbortController();
      const gone = fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${app.adminToken}` },
        body: JSON.stringify({ query: '{ impact(filter: { year: 2024 }) { reportCount } }' }),
        signal: tab.signal,
      }).catch(() => 'gone');
      await new Promise((resolve) => setTimeout(resolve, 300));
      tab.abort();
      expect(await gone).toBe('gone');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await locker.query('ROLLBACK');
      expect((await (await held).json()).data.snapshots).toEqual([]);
      // the place is free: the next reads execute
      for (let i = 0; i < 2; i++) expect((await post(`{ impact(filter: { year: 2024 }) { reportCount totalActions } }`)).status).toBe(200);
    } finally {
      await locker.end();
    }
  });

  it('answers a read that waited from the cache when the read ahead of it made the same answer', async () => {
    const query = '{ snapshots { slug year status } }';
    const { locker, held } = await holdOneRead(query);
    try {
      const same = post(query);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await locker.query('ROLLBACK');
      const first = await held;
      expect(first.headers.get('x-answer-cache')).toBeNull();
      const second = await same;
      // executed once: the second was served what the first made
      expect(second.headers.get('x-answer-cache')).toBe('hit');
      expect(await second.json()).toEqual(await first.json());
    } finally {
      await locker.end();
    }
  });
});
