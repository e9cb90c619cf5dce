import { freePort, TSX } from '../support/commands';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';


/** Starts `server/index.ts` as `npm start` does, without DATABASE_URL, and waits for "ready". */
async function startEmbedded(
  dataDir: string,
  port: number,
  extra: NodeJS.ProcessEnv = {},
): Promise<{ child: ChildProcess; log: () => string }> {
  // on a fixed day, so that the demo holds the same campaigns whenever the test runs
  const env: NodeJS.ProcessEnv = {
    ...process.env, DATA_DIR: dataDir, PORT: String(port), NODE_ENV: 'development', LOG_LEVEL: 'info', DEMO_TODAY: '2026-12-06', ...extra,
  };
  delete env.DATABASE_URL;
  const child = spawn(TSX, ['server/index.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('is ready at')) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return { child, log: () => output };
}

async function graphql(port: number, query: string, cookie = '') {
  const answer = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query }),
  });
  return { ...(await answer.json()), headers: answer.headers };
}

/** Signs in as the demo's staff account (listed on the sign-in page); the session cookie. */
async function signInAsStaff(port: number): Promise<string> {
  const demo = (await graphql(port, '{ demoAccounts { email password role } }')).data.demoAccounts;
  const staff = demo.find((a: { role: string }) => a.role === 'staff');
  const login = await graphql(port, `mutation { login(email: "${staff.email}", password: "${staff.password}") { role } }`);
  return login.headers.get('set-cookie')!.split(';')[0];
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('npm start on the embedded database', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'w4r-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('boots, migrates, loads the demo data once, and serves /healthz, /graphql and the page', async () => {
    const port = await freePort();
    const first = await startEmbedded(dataDir, port);
    try {
      expect(first.log()).toContain('demo data loaded');
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok', database: 'up' });

      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');

      // the sign-in page lists one demo account per role; signing in as one gives the figures
      const demo = (await graphql(port, '{ demoAccounts { email password role } }')).data.demoAccounts;
      expect(demo.map((a: { role: string }) => a.role)).toEqual(['admin', 'staff', 'coordinator']);
      const cookie = await signInAsStaff(port);
      const { data } = await graphql(port, '{ campaigns { year } impact(filter: { year: 2025 }) { totalActions } }', cookie);
      expect(data.campaigns).toHaveLength(14);
      expect(data.impact.totalActions).toBeGreaterThan(100_000);

      // on 6 December the season's campaign is under way (its cases placeholders), and reports keep arriving
      const current = async () =>
        (await graphql(port, '{ campaign(year: 2026) { name progress { asOf final } } impact(filter: { year: 2026 }) { totalActions } }', cookie)).data;
      const running = await current();
      expect(running.campaign).toEqual({ name: 'Write for Rights 2026 (demo: placeholder cases)', progress: { asOf: '2026-12-06', final: false } });
      expect(running.impact.totalActions).toBeGreaterThan(10_000);
      await expect.poll(async () => (await current()).impact.totalActions, { timeout: 15_000, interval: 1_000 }).toBeGreaterThan(
        running.impact.totalActions,
      );

      // the data directory is locked while the server runs
      const second = spawn(TSX, ['server/cli/migrate.ts'], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      });
      let err = '';
      second.stderr.on('data', (d) => (err += d));
      expect(await new Promise((r) => second.once('exit', r))).toBe(1);
      expect(err).toContain('is in use by process');
    } finally {
      await stop(first.child);
    }

    // a second start keeps the data and does not load the demo again; with DEMO_TRICKLE=off nothing arrives
    const again = await startEmbedded(dataDir, port, { DEMO_TRICKLE: 'off' });
    try {
      expect(again.log()).not.toContain('demo data loaded');
      expect(again.log()).toContain('"demoTrickle":false');
      const cookie = await signInAsStaff(port);
      const total = async () => (await graphql(port, '{ impact(filter: { year: 2026 }) { totalActions } }', cookie)).data.impact.totalActions;
      const before = await total();
      await new Promise((resolve) => setTimeout(resolve, 7_000));
      expect(await total()).toBe(before);
    } finally {
      await stop(again.child);
    }
  }, 180_000);
});
