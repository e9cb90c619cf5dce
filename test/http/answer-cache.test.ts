import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DASHBOARD_QUERY } from '../support/dashboard-queries';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, TEST_SECRET, type RunningApp } from '../support/http';
import { issueToken } from '../../server/modules/users/session.service';

let db: TestDatabase;
let app: RunningApp;

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
  await givenReports(db.dataSource, [
    report({ count: 10, groupRef: 'US-1' }),
    report({ count: 300, region: 'Europe and Central Asia', country: 'DE', groupRef: 'DE-1' }),
  ]);
  app = await startApp(db.dataSource);
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

const TOTAL = '{ impact(filter: { year: 2024 }) { totalActions } }';

/** POST /graphql as the dashboard sends it; the answer, whether it came from the answer cache, and the raw response. */
async function ask(query: string, token: string | null, headers: Record<string, string> = {}, variables = {}) {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { res, hit: res.headers.get('x-answer-cache') === 'hit', bytes, json: () => JSON.parse(bytes.toString()) };
}

describe('answers kept in front of Apollo', () => {
  it('serves the same dashboard again from its stored bytes, with the same answer and freshness', async () => {
    const first = await ask(DASHBOARD_QUERY, app.adminToken, {}, { filter: { year: 2024 } });
    const second = await ask(DASHBOARD_QUERY, app.adminToken, {}, { filter: { year: 2024 } });
    expect(first.hit).toBe(false);
    expect(second.hit).toBe(true);
    expect(second.res.status).toBe(200);
    expect(second.res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(second.res.headers.get('x-request-id')).toBeTruthy();
    expect(second.json()).toEqual(first.json());
    expect(second.json().extensions.freshness.dataVersion).toBeGreaterThan(0);
  });

  it('sends the stored gzip to clients that accept it', async () => {
    // an answer over 1 KB (smaller ones go uncompressed, as from the compression middleware)
    const big = `{ ${Array.from({ length: 12 }, (_, i) => `a${i}: impact(filter: { year: 2024 }) { byCountry { key label actions reports } daily { date actions cumulative } }`).join(' ')} }`;
    const plain = await ask(big, app.adminToken);
    expect(plain.bytes.length).toBeGreaterThan(1024);
    const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      const req = request(`${app.url}/graphql`, {
        method: 'POST',
        // the Accept fetch sent: it is part of the key
        headers: { 'content-type': 'application/json', authorization: `Bearer ${app.adminToken}`, 'accept-encoding': 'gzip, deflate', accept: '*/*' },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ query: big, variables: {} }));
    });
    expect(raw.headers['x-answer-cache']).toBe('hit');
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(Number(raw.headers['content-length'])).toBe(raw.body.length);
    expect(gunzipSync(raw.body).equals(plain.bytes)).toBe(true);
  });

  it('shows a new report on the very next request', async () => {
    await ask(TOTAL, app.adminToken);
    const before = await ask(TOTAL, app.adminToken);
    expect(before.hit).toBe(true);
    const submitted = await app.graphql(`mutation($input: ReportInput!) { submitReport(input: $input) { id } }`, {
      input: { reportId: 'CACHE-1', year: 2024, caseSlug: 'ana-ruiz', actionType: 'LETTER', count: 5, reportedAt: '2024-12-11T10:00:00Z', country: 'US', region: 'Americas' },
    });
    expect(submitted.errors).toBeUndefined();
    const after = await ask(TOTAL, app.adminToken);
    expect(after.hit).toBe(false);
    expect(after.json().data.impact.totalActions).toBe(before.json().data.impact.totalActions + 5);
  });

  it('shares an answer within a scope only: staff, coordinators of other regions and anonymous callers get their own', async () => {
    const staff = [await app.userToken('staff'), await app.userToken('staff')];
    const americas = [await app.userToken('coordinator', ['Americas']), await app.userToken('coordinator', ['Americas'])];
    const europe = await app.userToken('coordinator', ['Europe and Central Asia']);
    const all = (await ask(TOTAL, staff[0])).json().data.impact.totalActions;
    const otherStaff = await ask(TOTAL, staff[1]);
    expect(otherStaff.hit).toBe(true); // same role, same (whole) scope
    expect(otherStaff.json().data.impact.totalActions).toBe(all);
    const a = await ask(TOTAL, americas[0]);
    expect(a.hit).toBe(false);
    expect(a.json().data.impact.totalActions).toBe(all - 300);
    expect((await ask(TOTAL, americas[1])).hit).toBe(true);
    const e = await ask(TOTAL, europe);
    expect(e.hit).toBe(false);
    expect(e.json().data.impact.totalActions).toBe(300);
    const anonymous = await ask(TOTAL, null);
    expect(anonymous.hit).toBe(false);
    expect(anonymous.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it("shares the same-day comparison within a scope, as the figures it compares", async () => {
    const staff = [await app.userToken('staff'), await app.userToken('staff')];
    const query = '{ sameDayComparison(baseYear: 2024, years: [2023], filter: { regions: ["Americas"] }) { day years { year actions } } }';
    const first = await ask(query, staff[0]);
    expect(first.json().errors).toBeUndefined();
    const second = await ask(query, staff[1]);
    expect(second.hit).toBe(true);
    expect(second.json().data).toEqual(first.json().data);
    expect((await ask(query, await app.userToken('coordinator', ['Europe and Central Asia']))).hit).toBe(false);
  });

  it('keeps answers that name the user per user', async () => {
    const [one, two] = [await app.userToken('staff'), await app.userToken('staff')];
    const first = (await ask('{ me { email } }', one)).json().data.me.email;
    const second = await ask('{ me { email } }', two);
    expect(second.hit).toBe(false);
    expect(second.json().data.me.email).not.toBe(first);
    expect((await ask('{ me { email } }', one)).hit).toBe(true);
    // a fragment does not hide the field
    const spread = 'query { ...F } fragment F on Query { me { email } impact(filter: { year: 2024 }) { totalActions } }';
    await ask(spread, one);
    const other = await ask(spread, two);
    expect(other.hit).toBe(false);
    expect(other.json().data.me.email).not.toBe(first);
  });

  it('refuses a disabled account at once, although its dashboard is kept', async () => {
    const doomed = await app.userToken('staff');
    await ask(TOTAL, doomed);
    expect((await ask(TOTAL, doomed)).hit).toBe(true);
    const email = (await ask('{ me { email } }', doomed)).json().data.me.email;
    expect((await app.graphql(`mutation($e: String!) { disableUser(email: $e) { disabled } }`, { e: email })).data.disableUser.disabled).toBe(true);
    const refused = await ask(TOTAL, doomed);
    expect(refused.hit).toBe(false);
    expect(refused.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('stops a remembered token when it expires', async () => {
    const [{ id }] = await db.dataSource.query(`SELECT id FROM app_user WHERE role = 'admin' LIMIT 1`);
    const brief = await issueToken(db.dataSource, TEST_SECRET, { userId: id, kind: 'script' }, 2);
    expect((await ask(TOTAL, brief)).json().data.impact.totalActions).toBeGreaterThan(0);
    expect((await ask(TOTAL, brief)).hit).toBe(true);
    await new Promise((r) => setTimeout(r, 2100));
    const late = await ask(TOTAL, brief);
    expect(late.hit).toBe(false);
    expect(late.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('keeps an answer per Accept header, and answers a hit with the content type of its miss', async () => {
    const query = '{ impact(filter: { year: 2024 }) { reportCount } }';
    const accept = { accept: 'application/graphql-response+json' };
    const first = await ask(query, app.adminToken, accept);
    const second = await ask(query, app.adminToken, accept);
    expect(first.res.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(second.hit).toBe(true);
    expect(second.res.headers.get('content-type')).toBe(first.res.headers.get('content-type'));
    const json = await ask(query, app.adminToken, { accept: 'application/json' });
    expect(json.hit).toBe(false);
    expect(json.res.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await ask(query, app.adminToken, { accept: 'application/json' })).res.headers.get('content-type')).toBe(json.res.headers.get('content-type'));
  });

  it("serves a campaign's progress only while its day holds in the campaign's time zone", async () => {
    // Kiritimati is UTC+14: its day changes at 10:00 UTC, in the middle of the UTC day
    const year = new Date().getUTCFullYear();
    await givenCampaigns(db.dataSource, campaign(year, { timezone: 'Pacific/Kiritimati', writingStarts: `${year}-01-01` }));
    const [{ id }] = await db.dataSource.query(`SELECT id FROM app_user WHERE role = 'admin' LIMIT 1`);
    const token = await issueToken(db.dataSource, TEST_SECRET, { userId: id, kind: 'script' }, 3 * 86_400);
    const query = `{ campaign(year: ${year}) { progress { asOf } } }`;
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(`${tomorrow}T09:58:00Z`));
      const before = await ask(query, token);
      expect((await ask(query, token)).hit).toBe(true);
      vi.setSystemTime(new Date(`${tomorrow}T10:01:00Z`)); // the same UTC day, the next day in Kiritimati
      const after = await ask(query, token);
      expect(after.hit).toBe(false);
      expect(before.json().data.campaign.progress.asOf).toBe(tomorrow);
      expect(after.json().data.campaign.progress.asOf > tomorrow).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps no errors, no mutations, and answers bad bodies as before', async () => {
    const bad = '{ impact(filter: { year: 2024, caseIds: ["x"] }) { totalActions } }';
    await ask(bad, app.adminToken);
    const again = await ask(bad, app.adminToken);
    expect(again.hit).toBe(false);
    expect(again.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const notJson = await fetch(`${app.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${app.adminToken}` }, body: '{"query": ',
    });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
    const huge = await fetch(`${app.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${app.adminToken}` },
      body: JSON.stringify({ query: TOTAL, variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(huge.status).toBe(413);
  });
});
