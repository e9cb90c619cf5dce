import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { startApp, type RunningApp } from '../support/http';

// Who is asking (`me`) changes only with the users, not with every report written.

let db: TestDatabase;
let app: RunningApp;

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
  app = await startApp(db.dataSource);
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

async function me(token: string): Promise<{ role: string; hit: boolean; version: number }> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ me { id email role regions } }' }),
  });
  const body = await res.json();
  expect(body.errors).toBeUndefined();
  return { role: body.data.me.role, hit: res.headers.get('x-answer-cache') === 'hit', version: body.extensions.freshness.dataVersion };
}

describe('me, for the answers kept', () => {
  it('is served from the cache after a report is written, and asked again after a change of users', async () => {
    const token = await app.userToken('coordinator', ['Americas']);
    const first = await me(token);
    expect(first.role).toBe('coordinator');
    await givenReports(db.dataSource, [report({ country: 'BR', region: 'Americas' })]);
    expect(await eventually(() => me(token), (a) => a.version > first.version)).toMatchObject({ hit: true, role: 'coordinator' });
    const added = await app.graphql('mutation { addUser(email: "someone@test.w4r", role: "staff", password: "a-long-test-password") { id } }');
    expect(added.errors).toBeUndefined();
    expect(await me(token)).toMatchObject({ hit: false, role: 'coordinator' });
  });
});
