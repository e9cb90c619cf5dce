import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SERVER_CHUNK } from '../../server/modules/imports/import-csv';
import { csvText, individualRow } from '../support/csv';
import { campaign, givenCampaigns } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

// An import inside the server shares its event loop with every dashboard request: its rows are
// encoded for COPY SERVER_CHUNK at a time, each one short turn of the loop, not 50,000 at once
// (150-300 ms with nothing else answered, measured under the peak bench's phase C).

let db: TestDatabase;
let app: RunningApp;
const ROWS = 2 * SERVER_CHUNK + 123;
const csv = (prefix: string) => csvText(Array.from({ length: ROWS }, (_, i) => individualRow({ report_id: `${prefix}-${i}` })));

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
  app = await startApp(db.dataSource);
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

/** The COPY statements the import sent while `post` ran, and its answer. */
async function copies(post: () => Promise<Response>): Promise<{ copies: number; json: any }> {
  const spy = vi.spyOn(pg.Client.prototype, 'query');
  try {
    const json = await (await post()).json();
    const texts = spy.mock.calls.map(([q]) => String(typeof q === 'string' ? q : (q as { text?: string }).text));
    return { copies: texts.filter((t) => t.startsWith('COPY ')).length, json };
  } finally {
    spy.mockRestore();
  }
}

describe('an import through POST /api/imports', () => {
  it('stages a text/csv body a chunk of SERVER_CHUNK rows at a time, and stores every row', async () => {
    const { copies: n, json } = await copies(() =>
      fetch(`${app.url}/api/imports?filename=peak.csv`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${app.adminToken}` },
        body: csv('SRV'),
      }),
    );
    expect(json).toMatchObject({ status: 'COMMITTED', imported: ROWS });
    expect(n).toBe(Math.ceil(ROWS / SERVER_CHUNK));
  });

  it('does the same for a file sent as a multipart form', async () => {
    const form = new FormData();
    form.append('file', new Blob([csv('FORM')], { type: 'text/csv' }), 'section.csv');
    const { copies: n, json } = await copies(() =>
      fetch(`${app.url}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${app.adminToken}` }, body: form }),
    );
    expect(json).toMatchObject({ status: 'COMMITTED', imported: ROWS });
    expect(n).toBe(Math.ceil(ROWS / SERVER_CHUNK));
    const [{ n: stored }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM letter_report`);
    expect(stored).toBe(2 * ROWS);
  });
});
