import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../server/modules/users/session.service';
import { addUser } from '../../server/modules/users/user.service';
import { freePort, TSX } from '../support/commands';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';

const root = path.resolve(import.meta.dirname, '../..');
const SECRET = 'built-server-secret-built-server-secret-0';
let db: TestDatabase;
let server: ChildProcess | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
  await givenReports(db.dataSource, [report({ count: 42, groupRef: 'US-1' })]);
});
afterAll(async () => {
  if (server && server.exitCode === null) {
    await new Promise((resolve) => {
      server!.once('exit', resolve);
      server!.kill('SIGTERM');
    });
  }
  await db?.drop();
});

// production runs the bundle esbuild makes (npm run build:server), not tsx: a decorator, a path
// next to a source file or a JSON import that only works under tsx would break `npm start` alone
describe('the built server (npm run build:server, then npm run serve)', () => {
  it('builds, boots with the flags of `npm run serve`, and answers the dashboard', async () => {
    await promisify(execFile)(TSX, ['server/cli/build-server.ts'], { cwd: root });
    const serve: string = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.serve;
    const [, ...args] = serve.split(/\s+/);
    const port = await freePort();
    server = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), NODE_ENV: 'production', SESSION_SECRET: SECRET, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => output.includes('is ready at') && (clearInterval(timer), resolve()), 100);
      server!.once('exit', (code) => (clearInterval(timer), reject(new Error(`exited with ${code}:\n${output}`))));
    });
    const user = await addUser(db.dataSource, { email: 'built@test.w4r', role: 'staff', password: 'a-long-test-password' }, null);
    const token = await issueToken(db.dataSource, new TextEncoder().encode(SECRET), { userId: user.id, kind: 'script' }, 3600);
    const ask = () =>
      fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ impact(filter: { year: 2024 }) { totalActions byCase { case { slug } actions } } }' }),
      });
    const first = await ask();
    expect(await first.json()).toMatchObject({ data: { impact: { totalActions: 42, byCase: [{ case: { slug: 'ana-ruiz' }, actions: 42 }] } } });
    const second = await ask();
    expect(second.headers.get('x-answer-cache')).toBe('hit');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(output).toContain('"msg":"request completed"');
  }, 60_000);
});
