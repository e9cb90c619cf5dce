import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../server/modules/users/session.service';
import { TSX } from '../support/commands';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, TEST_SECRET, type RunningApp } from '../support/http';

const run = promisify(execFile);
let db: TestDatabase;
let app: RunningApp;
let coordinator: string;
let staff: string;

const AMERICAS = { region: 'Americas', country: 'US' };
const EUROPE = { region: 'Europe and Central Asia', country: 'DE' };

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2023), campaign(2024));
  await givenReports(db.dataSource, [
    report({ year: 2023, reportId: 'AM-23', count: 3, ...AMERICAS, groupRef: 'US-1', groupName: 'Chicago group' }),
    report({ year: 2023, reportId: 'EU-23', count: 300, ...EUROPE, groupRef: 'DE-1', groupName: 'Berlin group' }),
    report({ year: 2024, reportId: 'AM-24', count: 10, ...AMERICAS, groupRef: 'US-1', groupName: 'Chicago group' }),
    report({ year: 2024, reportId: 'EU-24', count: 1000, ...EUROPE, groupRef: 'DE-2', groupName: 'Munich group', subdivision: 'DE-BY' }),
  ]);
  app = await startApp(db.dataSource);
  coordinator = await app.userToken('coordinator', ['Americas']);
  staff = await app.userToken('staff');
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

const EVERY_QUERY = [
  '{ campaigns { year } }',
  '{ campaign(year: 2024) { name } }',
  '{ impact(filter: { year: 2024 }) { totalActions } }',
  '{ yearComparison(years: [2024]) { total } }',
  '{ outcomeSummary { casesFeatured } }',
  '{ notYetReported(year: 2024) { totalCount } }',
  '{ report(reportId: "AM-24") { id } }',
  '{ imports { id } }',
  '{ users { email } }',
  '{ auditLog { id } }',
];

describe('anonymous requests', () => {
  it.each(EVERY_QUERY)('get UNAUTHENTICATED for %s', async (query) => {
    const { data, errors } = await app.graphql(query, {}, null);
    expect(errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // a nullable field answers null, a non-null one nulls the whole answer: no data either way
    expect(Object.values(data ?? {}).every((v) => v === null)).toBe(true);
  });

  it('may ask who is signed in (nobody) and sign in', async () => {
    expect((await app.graphql('{ me { id } demoAccounts { email } }', {}, null)).data).toEqual({ me: null, demoAccounts: [] });
  });

  it('sees the demo accounts only on the embedded demo, never with NODE_ENV=production', async () => {
    for (const [production, listed] of [[false, true], [true, false]] as const) {
      const demo = await startApp(db.dataSource, { embedded: true, production });
      try {
        const { data } = await demo.graphql('{ demoAccounts { email } }', {}, null);
        expect(data.demoAccounts.length > 0, `production: ${production}`).toBe(listed);
      } finally {
        await demo.stop();
      }
    }
  });

  it('cannot submit reports or upload files', async () => {
    const submit = await app.graphql(
      `mutation { submitReport(input: { reportId: "X", year: 2024, caseSlug: "ana-ruiz", actionType: LETTER, count: 1,
        reportedAt: "2024-12-10T10:00:00Z", country: "US", region: "Americas" }) { id } }`, {}, null);
    expect(submit.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const upload = await fetch(`${app.url}/api/imports`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'x' });
    expect(upload.status).toBe(401);
  });
});

describe('a coordinator of the Americas', () => {
  it('sees only their region in every figure, whatever the filter asks', async () => {
    const { data, errors } = await app.graphql(`{
      all: impact(filter: { year: 2024 }) { totalActions reportCount groupCount countryCount
        byCase { actions } byCountry { key actions } byCaseCountry { actions } byRegion { key actions }
        bySubdivision { key actions } byActionType { actions } byGroupType { actions }
        topGroups { totalCount edges { node { group { name } actions } } } daily { actions } }
      europe: impact(filter: { year: 2024, regions: ["Europe and Central Asia"] }) { totalActions topGroups { totalCount } }
      germany: impact(filter: { countries: ["DE"] }) { totalActions }
      munich: impact(filter: { subdivisions: ["DE-BY"] }) { totalActions }
      group: impact(filter: { groupIds: ["2", "3"] }) { totalActions }
      years: yearComparison(years: [2023, 2024]) { year total }
      europeYears: yearComparison(years: [2024], filter: { regions: ["Europe and Central Asia"] }) { total }
      campaign(year: 2024) { cases { actions } progress { totalActions lastYearFinal } }
      missing: notYetReported(year: 2024) { totalCount edges { node { group { name } lastYearActions } } }
      europeMissing: notYetReported(year: 2024, regions: ["Europe and Central Asia"]) { totalCount }
      eu: report(reportId: "EU-24") { id }
      am: report(reportId: "AM-24") { count }
    }`, {}, coordinator);
    expect(errors).toBeUndefined();
    const text = JSON.stringify(data);
    for (const leak of ['1000', '1,000', '300', 'Berlin', 'Munich', 'DE-BY', 'Europe']) expect(text).not.toContain(leak);
    expect(data.all.totalActions).toBe(10);
    expect(data.all.byRegion).toEqual([{ key: 'Americas', actions: 10 }]);
    expect(data.all.topGroups.edges).toEqual([{ node: { group: { name: 'Chicago group' }, actions: 10 } }]);
    expect([data.europe.totalActions, data.germany.totalActions, data.munich.totalActions]).toEqual([0, 0, 0]);
    expect(data.years.map((y: { total: number }) => y.total)).toEqual([3, 10]);
    expect(data.europeYears[0].total).toBe(0);
    expect(data.campaign.cases.map((c: { actions: number }) => c.actions)).toEqual([10, 0]);
    expect(data.campaign.progress).toEqual({ totalActions: 10, lastYearFinal: 3 });
    expect(data.europeMissing.totalCount).toBe(0);
    expect(data.eu).toBeNull();
    expect(data.am).toEqual({ count: 10 });
  });

  it('submits reports for their own region only', async () => {
    const input = (region: string, country: string) => ({
      reportId: `C-${region}`, year: 2024, caseSlug: 'ana-ruiz', actionType: 'LETTER', count: 2,
      reportedAt: '2024-12-10T10:00:00Z', country, region,
    });
    const q = `mutation($input: ReportInput!) { submitReport(input: $input) { id } }`;
    expect((await app.graphql(q, { input: input('Americas', 'CA') }, coordinator)).errors).toBeUndefined();
    const other = await app.graphql(q, { input: input('Europe and Central Asia', 'FR') }, coordinator);
    expect(other.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('may not retract, correct, record outcomes, import, or manage users', async () => {
    for (const m of [
      'mutation { retractReport(id: "1", reason: "x") { id } }',
      'mutation { recordOutcome(caseId: "1", input: { date: "2025-01-01", kind: RELEASED }) { id } }',
      'mutation { addUser(email: "x@y.org", role: "staff", password: "0123456789ab") { id } }',
      '{ imports { id } }',
      '{ users { email } }',
      '{ auditLog { id } }',
    ]) {
      expect((await app.graphql(m, {}, coordinator)).errors[0].extensions.code, m).toBe('FORBIDDEN');
    }
    const upload = await fetch(`${app.url}/api/imports`, {
      method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${coordinator}` }, body: 'x',
    });
    expect(upload.status).toBe(403);
  });
});

describe('tokens', () => {
  it('refuses an expired, a forged, a malformed and a disabled user’s token', async () => {
    const expired = await issueToken(db.dataSource, TEST_SECRET, { userId: 1, kind: 'script' }, -60);
    const forged = await new SignJWT({ kind: 'script' }).setProtectedHeader({ alg: 'HS256' }).setSubject('1')
      .setIssuer('w4r-impact').setExpirationTime('1h').sign(new TextEncoder().encode('another-secret-another-secret-000000'));
    for (const token of [expired, forged, 'not-a-token']) {
      expect((await app.graphql('{ campaigns { year } }', {}, token)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const doomed = await app.userToken('staff');
    const me = await app.graphql('{ me { email } }', {}, doomed);
    expect((await app.graphql(`mutation($e: String!) { disableUser(email: $e) { disabled } }`, { e: me.data.me.email })).data.disableUser.disabled).toBe(true);
    expect((await app.graphql('{ campaigns { year } }', {}, doomed)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('sessions', () => {
  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { email role } }`, variables: { e: email, p: password } }),
    });

  it('signs in with an httpOnly SameSite cookie that works until sign-out', async () => {
    await app.graphql(`mutation { addUser(email: "ana@amnesty.example", role: "staff", password: "correct horse battery") { id } }`);
    const res = await login('Ana@Amnesty.example', 'correct horse battery');
    expect((await res.json()).data.login).toEqual({ email: 'ana@amnesty.example', role: 'staff' });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/w4r_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = cookie.split(';')[0];
    const asCookie = (query: string, headers: Record<string, string> = { 'content-type': 'application/json' }, body = JSON.stringify({ query })) =>
      fetch(`${app.url}/graphql`, { method: 'POST', headers: { ...headers, cookie: session }, body });
    expect((await (await asCookie('{ me { email } }')).json()).data.me.email).toBe('ana@amnesty.example');
    // CSRF: a plain cross-site form post (text/plain) is refused even with the cookie
    const csrf = await asCookie('{ me { email } }', { 'content-type': 'text/plain' });
    expect(csrf.status).toBe(400);
    expect(await csrf.text()).toMatch(/CSRF/i);
    // an upload with the cookie needs X-Requested-With
    const upload = await fetch(`${app.url}/api/imports`, { method: 'POST', headers: { 'content-type': 'text/csv', cookie: session }, body: 'x' });
    expect(upload.status).toBe(403);
    const out = await asCookie('mutation { logout }');
    expect(out.headers.get('set-cookie')).toMatch(/w4r_session=;/);
  });

  it('throttles guessing: after 5 wrong passwords even the right one waits', async () => {
    await app.graphql(`mutation { addUser(email: "target@amnesty.example", role: "staff", password: "the real password") { id } }`);
    for (let i = 0; i < 5; i++) {
      const body = await (await login('target@amnesty.example', `guess ${i}`)).json();
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await (await login('target@amnesty.example', 'the real password')).json();
    expect(blocked.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
  });

  it('counts parallel guesses like sequential ones: of 40 wrong passwords sent at once, 5 are checked', async () => {
    await app.graphql(`mutation { addUser(email: "parallel@amnesty.example", role: "staff", password: "the real password") { id } }`);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login('parallel@amnesty.example', `guess ${i}`).then((r) => r.json())));
    const codes = answers.map((a) => a.errors[0].extensions.code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(35);
  });

  it('answers the same for an unknown email and a wrong password', async () => {
    const unknown = await (await login('nobody@amnesty.example', 'whatever-password')).json();
    expect(unknown.errors[0].message).toBe('Wrong email or password');
  });
});

describe('audit log', () => {
  it('records retractions, corrections, outcomes, imports and user changes, with who', async () => {
    const { data } = await app.graphql(`{ report(reportId: "AM-23") { id } c: campaign(year: 2024) { cases { id } } }`);
    await app.graphql(`mutation($id: ID!) { retractReport(id: $id, reason: "duplicate") { id } }`, { id: data.report.id }, staff);
    await app.graphql(`mutation($c: ID!) { recordOutcome(caseId: $c, input: { date: "2025-02-01", kind: ACQUITTED }) { id } }`, { c: data.c.cases[0].id }, staff);
    await fetch(`${app.url}/api/imports?filename=a.csv`, {
      method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${staff}` },
      body: 'report_id,year,case,group_ref,group_name,group_type,action_type,count,written_on,reported_at,country,region,subdivision\nI-1,2024,li-wen,,,,EMAIL,4,,2024-12-12T10:00:00Z,MX,Americas,\n',
    });
    const log = (await app.graphql(`{ auditLog { action target userId details } }`)).data.auditLog;
    const actions = log.map((e: { action: string }) => e.action);
    for (const a of ['retract', 'outcome', 'import', 'user.add', 'user.disable']) expect(actions).toContain(a);
    const retraction = log.find((e: { action: string }) => e.action === 'retract');
    expect(retraction.userId).toBeGreaterThan(0);
    expect(retraction.details).toEqual({ reason: 'duplicate' });
    expect(JSON.stringify(log)).not.toMatch(/password/i);
  });
});

describe('production', () => {
  it('refuses introspection to anonymous requests but answers staff', async () => {
    const prod = await startApp(db.dataSource, { production: true });
    try {
      const anonymous = await prod.graphql('{ __schema { queryType { name } } }', {}, null);
      expect(anonymous.errors[0].extensions.code).toBe('FORBIDDEN');
      expect((await prod.graphql('{ __schema { queryType { name } } }')).data.__schema.queryType.name).toBe('Query');
    } finally {
      await prod.stop();
    }
  });

  it('will not start without SESSION_SECRET', async () => {
    const child = spawn(TSX, ['server/index.ts'], {
      env: { ...process.env, NODE_ENV: 'production', SESSION_SECRET: '', DATABASE_URL: db.url, PORT: '0' },
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    expect(await new Promise((r) => child.once('exit', r))).toBe(1);
    expect(err).toContain('SESSION_SECRET is required in production');
  });
});

describe('logs', () => {
  it('carry a request id per request and never a password, token or cookie', async () => {
    const secret = new TextDecoder().decode(TEST_SECRET);
    const port = 20000 + (process.pid % 20000);
    const child = spawn(TSX, ['server/index.ts'], {
      env: { ...process.env, NODE_ENV: 'production', SESSION_SECRET: secret, DATABASE_URL: db.url, PORT: String(port), LOG_LEVEL: 'info' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      // however long the start takes on a loaded machine: until it says it is ready, or exits
      while (!out.includes('is ready')) {
        if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      const url = `http://127.0.0.1:${port}/graphql`;
      const post = (body: object, headers: Record<string, string> = {}) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      await post({ query: `mutation { addUser(email: "logs@amnesty.example", role: "staff", password: "secret-password-42") { id } }` }, { authorization: `Bearer ${app.adminToken}` });
      const login = await post({ query: `mutation { login(email: "logs@amnesty.example", password: "secret-password-42") { id } }` });
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      await post({ query: '{ me { email } }' }, { cookie });
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    const lines = out.split('\n').filter((l) => l.includes('"req":{"id":'));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const leak of ['secret-password-42', app.adminToken, 'w4r_session=e']) expect(out).not.toContain(leak);
  }, 180_000);
});

describe('npm run users', () => {
  const users = (...args: string[]) =>
    run(TSX, ['server/cli/users.ts', ...args], { env: { ...process.env, DATABASE_URL: db.url, SESSION_SECRET: new TextDecoder().decode(TEST_SECRET) } })
      .then((r) => ({ code: 0, ...r }), (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }));

  it('adds, lists, issues a working token, and disables', async () => {
    expect((await users('add', '--email', 'cli@amnesty.example', '--role', 'coordinator', '--regions', 'Africa,Americas', '--password', 'cli-password-123')).code).toBe(0);
    expect((await users('add', '--email', 'bad@amnesty.example', '--role', 'coordinator', '--password', 'cli-password-123')).stderr).toContain('regions');
    expect((await users('list')).stdout).toMatch(/cli@amnesty\.example\s+coordinator\s+Africa, Americas/);
    const token = (await users('token', '--email', 'cli@amnesty.example')).stdout.trim();
    expect((await app.graphql('{ me { email regions } }', {}, token)).data.me).toEqual({ email: 'cli@amnesty.example', regions: ['Africa', 'Americas'] });
    expect((await users('disable', '--email', 'cli@amnesty.example')).code).toBe(0);
    expect((await app.graphql('{ me { email } }', {}, token)).data.me).toBeNull();
  }, 180_000); // six commands, each a process that starts tsx and migrates
});
