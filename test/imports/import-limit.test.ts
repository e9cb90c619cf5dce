import { request } from 'node:http';
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
const batches = async () => (await db.dataSource.query(`SELECT count(*)::int AS n FROM import_batch`))[0].n;

/**
 * POSTs `body` chunked (no Content-Length), a piece at a time as a client streaming a file does;
 * the status and JSON answer. Writing stops once the answer has come (the server stops reading).
 */
function postChunked(contentType: string, body: string, piece = 1024): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${app.url}/api/imports`, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${app.adminToken}`, 'transfer-encoding': 'chunked' },
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
    });
    req.on('error', (error) => answered || reject(error));
    const bytes = Buffer.from(body);
    let at = 0;
    const next = () => {
      if (answered) return;
      if (at >= bytes.length) return void req.end();
      req.write(bytes.subarray(at, (at += piece)), () => setImmediate(next));
    };
    next();
  });
}

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

  it('answers 413 to a chunked upload (no Content-Length) once its bytes pass the limit, storing nothing', async () => {
    const answer = await postChunked('text/csv', file);
    expect(answer.status).toBe(413);
    expect(answer.json.error).toContain(`${LIMIT} bytes (IMPORT_MAX_BYTES)`);
    expect(await stored()).toBe(2); // the file of the test before, nothing more
    expect(await batches()).toBe(1);
  });

  it('answers 413 to a chunked multipart form whose file passes the limit, storing nothing', async () => {
    const form = `--b\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n--b--\r\n`;
    const answer = await postChunked('multipart/form-data; boundary=b', form);
    expect(answer.status).toBe(413);
    expect(answer.json.error).toContain(`${LIMIT} bytes (IMPORT_MAX_BYTES)`);
    expect(await stored()).toBe(2);
    expect(await batches()).toBe(1);
  });

  it('takes a chunked upload under the limit', async () => {
    const small = [header, 'C-1,2024,li-wen,,,,PETITION,5,,2024-12-12T10:00:00Z,MX,Americas,MX-JAL'].join('\n');
    const answer = await postChunked('text/csv', small, 16);
    expect(answer.status).toBe(200);
    expect(answer.json.imported).toBe(1);
    expect(await stored()).toBe(3);
  });
});
