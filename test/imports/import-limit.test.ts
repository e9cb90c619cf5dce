import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaign, givenCampaigns } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

let db: TestDatabase;
let app: RunningApp;
const LIMIT = 4096;
const header = 'report_id,year,case,group_ref,group_name,group_type,action_type,count,written_on,reported_at,country,region,subdivision';
const file = [header, ...Array.from({ length: 200 }, (_, i) => `L-${i},2024,li-wen,,,,PETITION,5,,2024-12-12T10:00:00Z,MX,Americas,MX-JAL`)].join('\n');

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
  app = await startApp(db.dataSource, { importMaxBytes: LIMIT });
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

const stored = async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM letter_report`))[0].n;

describe('POST /api/imports size limit (IMPORT_MAX_BYTES)', () => {
  it('answers 413 with the limit in the message when Content-Length is over it, storing nothing', async () => {
    const res = await fetch(`${app.url}/api/imports`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${app.adminToken}` }, body: file });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toContain(`${LIMIT} bytes (IMPORT_MAX_BYTES)`);
    expect(await stored()).toBe(0);
  });

  it('takes a file under the limit', async () => {
    const small = file.split('\n').slice(0, 3).join('\n');
    const res = await fetch(`${app.url}/api/imports`, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${app.adminToken}` }, body: small });
    expect(res.status).toBe(200);
    expect(await stored()).toBe(2);
  });
});
