import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { issueToken } from '../../server/modules/users/session.service';
import { addUser } from '../../server/modules/users/user.service';
import { TSX } from '../support/commands';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, TEST_SECRET, type RunningApp } from '../support/http';
import { subscribeFigures } from '../support/live';

let db: TestDatabase;
let app: RunningApp;
let other: RunningApp;
let people = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
  await givenReports(db.dataSource, [report({ count: 10 })]);
  app = await startApp(db.dataSource, { socketRecheckMs: 200 });
  // a second server on the same database: revocations must hold there too
  other = await startApp(db.dataSource);
});
afterAll(async () => {
  await other?.stop();
  await app?.stop();
  await db?.drop();
});

const PASSWORD = 'a-long-test-password';
const TOTAL = '{ impact(filter: { year: 2024 }) { totalActions } }';

async function person(role: 'staff' | 'coordinator' = 'staff') {
  const email = `person-${++people}@sessions.test`;
  const user = await addUser(db.dataSource, { email, role, regions: role === 'coordinator' ? ['Americas'] : [], password: PASSWORD }, null);
  return { email, id: user.id };
}

/** Signs in as the dashboard does; the session cookie (`w4r_session=…`). */
async function signIn(email: string, on = app): Promise<string> {
  const res = await fetch(`${on.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }', variables: { e: email, p: PASSWORD } }),
  });
  expect((await res.json()).errors).toBeUndefined();
  return res.headers.get('set-cookie')!.split(';')[0];
}

/** A GraphQL request carrying a cookie or a bearer token; the answer and whether the answer cache served it. */
async function as(credential: string, query: string, on = app, variables = {}) {
  const auth: Record<string, string> = credential.startsWith('w4r_session=') ? { cookie: credential } : { authorization: `Bearer ${credential}` };
  const res = await fetch(`${on.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ query, variables }),
  });
  return { ...(await res.json()), hit: res.headers.get('x-answer-cache') === 'hit', setCookie: res.headers.get('set-cookie') };
}

const refused = async (credential: string, on = app) => (await as(credential, TOTAL, on)).errors?.[0]?.extensions.code === 'UNAUTHENTICATED';

describe('signing out', () => {
  it('ends the session on the server: a copied cookie stops working, here and on another server', async () => {
    const { email } = await person();
    const cookie = await signIn(email);
    const copy = cookie; // what someone who copied the cookie holds
    await as(copy, TOTAL);
    expect((await as(copy, TOTAL)).hit).toBe(true);
    await as(copy, TOTAL, other);
    expect((await as(copy, TOTAL, other)).hit).toBe(true);

    const out = await as(cookie, 'mutation { logout }');
    expect(out.data.logout).toBe(true);
    expect(out.setCookie).toMatch(/w4r_session=;/);

    expect(await refused(copy)).toBe(true);
    expect((await as(copy, '{ me { email } }')).data.me).toBeNull();
    // the other server learns of it through the data version's notification
    await vi.waitFor(async () => expect(await refused(copy, other)).toBe(true), { timeout: 10_000, interval: 20 });
  });

  it("closes the session's open live-update socket", async () => {
    const { id } = await person();
    const token = await issueToken(db.dataSource, TEST_SECRET, { userId: id, kind: 'script' }, 3600);
    const live = subscribeFigures(app.url, { token });
    await live.waitFor(() => true);
    await as(token, 'mutation { logout }');
    expect(await live.ended).toMatchObject({ code: 4401 });
    await live.close();
  });

  it('with a script token ends that token', async () => {
    const { id } = await person();
    const token = await issueToken(db.dataSource, TEST_SECRET, { userId: id, kind: 'script' }, 3600);
    expect(await refused(token)).toBe(false);
    expect((await as(token, 'mutation { logout }')).data.logout).toBe(true);
    expect(await refused(token)).toBe(true);
  });

  it('refuses a signed token that names no session (made before sessions were stored, or forged with the secret)', async () => {
    const { id } = await person();
    const bare = await new SignJWT({ kind: 'script' }).setProtectedHeader({ alg: 'HS256' }).setSubject(String(id))
      .setIssuer('w4r-impact').setExpirationTime('1h').sign(TEST_SECRET);
    const unknown = await new SignJWT({ kind: 'script' }).setProtectedHeader({ alg: 'HS256' }).setSubject(String(id)).setJti(randomUUID())
      .setIssuer('w4r-impact').setExpirationTime('1h').sign(TEST_SECRET);
    expect(await refused(bare)).toBe(true);
    expect(await refused(unknown)).toBe(true);
  });
});

describe('signOutEverywhere', () => {
  it("ends every session and script token of the caller, here and on another server, and no one else's", async () => {
    const me = await person();
    const bystander = await person();
    const here = await signIn(me.email);
    const elsewhere = await signIn(me.email, other);
    const token = await issueToken(db.dataSource, TEST_SECRET, { userId: me.id, kind: 'script', label: 'nightly import' }, 3600);
    const theirs = await signIn(bystander.email);
    for (const credential of [here, elsewhere, token, theirs]) expect(await refused(credential)).toBe(false);
    expect(await refused(elsewhere, other)).toBe(false);

    const answer = await as(here, 'mutation { signOutEverywhere }');
    expect(answer.data.signOutEverywhere).toBe(3);
    expect(answer.setCookie).toMatch(/w4r_session=;/);

    for (const credential of [here, elsewhere, token]) expect(await refused(credential)).toBe(true);
    await vi.waitFor(async () => expect(await refused(elsewhere, other)).toBe(true), { timeout: 10_000, interval: 20 });
    expect(await refused(theirs)).toBe(false);
    const [entry] = await db.dataSource.query(`SELECT user_id, action, target, details FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(entry).toEqual({ user_id: me.id, action: 'session.revoke-all', target: me.email, details: { sessions: 3 } });
  });

  it('needs a signed-in user', async () => {
    expect((await app.graphql('mutation { signOutEverywhere }', {}, null)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe("an admin and a user's sessions", () => {
  const SESSIONS = 'query($e: String!) { sessions(email: $e) { id kind label createdAt lastUsedAt expiresAt } }';

  it('lists them (kind, label, created, last used) and revokes one, audited, leaving the others working', async () => {
    const user = await person('coordinator');
    const cookie = await signIn(user.email);
    const token = await issueToken(db.dataSource, TEST_SECRET, { userId: user.id, kind: 'script', label: 'nightly import' }, 3600);
    await as(token, TOTAL);

    const listed = (await app.graphql(SESSIONS, { e: user.email })).data.sessions;
    expect(listed.map((s: { kind: string; label: string | null }) => [s.kind, s.label])).toEqual([
      ['script', 'nightly import'],
      ['session', null],
    ]);
    const [script, session] = listed;
    expect(new Date(script.lastUsedAt).getTime()).toBeGreaterThanOrEqual(new Date(script.createdAt).getTime());
    expect(new Date(session.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const revoked = await app.graphql('mutation($id: ID!) { revokeSession(id: $id) { id kind } }', { id: script.id });
    expect(revoked.data.revokeSession).toEqual({ id: script.id, kind: 'script' });
    expect(await refused(token)).toBe(true);
    expect(await refused(cookie)).toBe(false);
    expect((await app.graphql(SESSIONS, { e: user.email })).data.sessions.map((s: { id: string }) => s.id)).toEqual([session.id]);
    // a sign-in changes no data version: the list is never answered from the answer cache
    await signIn(user.email);
    expect((await app.graphql(SESSIONS, { e: user.email })).data.sessions).toHaveLength(2);
    const [entry] = await db.dataSource.query(`SELECT action, target, details FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(entry).toEqual({ action: 'session.revoke', target: user.email, details: { session: script.id, kind: 'script', label: 'nightly import' } });
  });

  it('answers a clear error for an unknown account or session', async () => {
    const unknownUser = await app.graphql(SESSIONS, { e: 'nobody@sessions.test' });
    expect(unknownUser.errors[0]).toMatchObject({ message: 'no account for nobody@sessions.test', extensions: { code: 'BAD_USER_INPUT' } });
    const disabled = await app.graphql('mutation { disableUser(email: "nobody@sessions.test") { disabled } }');
    expect(disabled.errors[0]).toMatchObject({ message: 'no account for nobody@sessions.test', extensions: { code: 'BAD_USER_INPUT' } });
    for (const id of [randomUUID(), 'not-a-session']) {
      const answer = await app.graphql('mutation($id: ID!) { revokeSession(id: $id) { id } }', { id });
      expect(answer.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { id: expect.stringContaining(id) } });
    }
  });

  it("are not a coordinator's or staff's to list or revoke", async () => {
    const owner = await person();
    const target = await signIn(owner.email);
    const [{ id }] = await db.dataSource.query(`SELECT id FROM auth_session WHERE user_id = $1`, [owner.id]);
    for (const role of ['coordinator', 'staff'] as const) {
      const token = await app.userToken(role, role === 'coordinator' ? ['Americas'] : []);
      expect((await app.graphql(SESSIONS, { e: owner.email }, token)).errors[0].extensions.code).toBe('FORBIDDEN');
      expect((await app.graphql('mutation($id: ID!) { revokeSession(id: $id) { id } }', { id }, token)).errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect(await refused(target)).toBe(false);
  });
});

describe('npm run users', () => {
  const users = (...args: string[]) =>
    promisify(execFile)(TSX, ['server/cli/users.ts', ...args], { env: { ...process.env, DATABASE_URL: db.url, SESSION_SECRET: new TextDecoder().decode(TEST_SECRET) } });

  it('issues a labelled token, lists the sessions and tokens of an account, and revokes one', async () => {
    const { email } = await person();
    const token = (await users('token', '--email', email, '--label', 'weekly export')).stdout.trim();
    expect(await refused(token)).toBe(false);
    const listed = (await users('sessions', '--email', email)).stdout.trim().split('\n');
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatch(/^[0-9a-f-]{36} script +created \S+ +used \S+ +weekly export$/);
    expect((await users('revoke', '--session', listed[0].slice(0, 36))).stdout).toContain('Revoked script');
    await vi.waitFor(async () => expect(await refused(token)).toBe(true), { timeout: 10_000, interval: 20 });
  }, 180_000); // three commands, each a process that starts tsx and migrates
});
