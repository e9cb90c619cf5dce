import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_ELEMENT_ID } from '../../server/common/dashboard-bootstrap';
import { campaign, givenCampaigns } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

// index.html carries the reader's answers to Me and Campaigns, so the dashboard's first paint does
// not wait for them in series (server/http/dashboard-bootstrap.ts).

let db: TestDatabase;
let app: RunningApp;
let clientDir: string;
const HOSTILE_NAME = 'Write for Rights </script><script>alert(1)</script>';

beforeAll(async () => {
  clientDir = mkdtempSync(path.join(os.tmpdir(), 'w4r-client-'));
  writeFileSync(
    path.join(clientDir, 'index.html'),
    '<!doctype html><html><head><title>t</title><script type="module" src="/assets/index-1.js"></script><link rel="modulepreload" href="/assets/react-1.js"></head><body><div id="root"></div></body></html>',
  );
  mkdirSync(path.join(clientDir, '.vite'));
  writeFileSync(
    path.join(clientDir, '.vite/manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_react-1.js'] },
      '_react-1.js': { file: 'assets/react-1.js' },
      'start.tsx': { file: 'assets/start-1.js', isDynamicEntry: true, imports: ['_react-1.js', '_apollo-1.js'], css: ['assets/start-1.css'] },
      '_apollo-1.js': { file: 'assets/apollo-1.js' },
      '_chart-1.js': { file: 'assets/chart-1.js', imports: ['_react-1.js'], css: ['assets/chart-1.css'] },
      'pages/trends/TrendsPage.tsx': { file: 'assets/TrendsPage-1.js', isDynamicEntry: true, imports: ['index.html', '_react-1.js', '_chart-1.js'], css: ['assets/TrendsPage-1.css'] },
      'pages/overview/OverviewPage.tsx': { file: 'assets/OverviewPage-1.js', isDynamicEntry: true, imports: ['index.html'] },
    }),
  );
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024), campaign(2025, { name: HOSTILE_NAME }));
  app = await startApp(db.dataSource, { clientDir });
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
  rmSync(clientDir, { recursive: true, force: true });
});

/** index.html as `token`'s reader gets it (null: signed out), and the answers it carries. */
async function dashboardPage(token: string | null, page = '/') {
  const res = await fetch(`${app.url}${page}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const html = await res.text();
  const json = new RegExp(`<script type="application/json" id="${BOOTSTRAP_ELEMENT_ID}">(.*?)</script>`).exec(html)?.[1];
  return { res, html, bootstrap: json ? JSON.parse(json) : null };
}

describe('index.html', () => {
  it("carries a signed-in reader's Me and Campaigns answers as Apollo Client would store them", async () => {
    const token = await app.userToken('coordinator', ['Americas']);
    const { res, bootstrap } = await dashboardPage(token, '/?page=trends&year=2024');
    expect(res.status).toBe(200);
    expect(bootstrap.Me.data.me).toMatchObject({ __typename: 'User', role: 'coordinator', regions: ['Americas'] });
    expect(bootstrap.Campaigns.data.campaigns.map((c: { __typename: string; year: number }) => [c.__typename, c.year])).toEqual([
      ['Campaign', 2024],
      ['Campaign', 2025],
    ]);
    // the data version the answers were made at, which live updates compare with
    expect(bootstrap.Me.extensions.freshness.dataVersion).toEqual(expect.any(Number));
  });

  it("preloads the app's code, and the page the address names for a signed-in reader, less what index.html loads anyway", async () => {
    const token = await app.userToken('staff');
    const links = (html: string) => [...html.matchAll(/<link rel="(modulepreload|preload)"[^>]*href="([^"]+)"/g)].map((m) => m[2]);
    const appChunks = ['/assets/start-1.js', '/assets/apollo-1.js'];
    expect(links((await dashboardPage(token, '/?page=trends')).html)).toEqual([
      '/assets/react-1.js',
      ...appChunks,
      '/assets/TrendsPage-1.js',
      '/assets/chart-1.js',
      '/assets/start-1.css',
      '/assets/TrendsPage-1.css',
      '/assets/chart-1.css',
    ]);
    expect(links((await dashboardPage(token)).html)).toEqual(['/assets/react-1.js', ...appChunks, '/assets/OverviewPage-1.js', '/assets/start-1.css']);
    // signed out: the app (the sign-in page is in it), no page
    expect(links((await dashboardPage(null, '/?page=trends')).html)).toEqual(['/assets/react-1.js', ...appChunks, '/assets/start-1.css']);
    expect(links((await dashboardPage(token, '/?page=..%2Fx')).html)).toEqual(['/assets/react-1.js', ...appChunks, '/assets/start-1.css']);
  });

  it('is private to its reader', async () => {
    const { res } = await dashboardPage(await app.userToken('staff'));
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('vary')).toMatch(/Cookie, Authorization/);
  });

  it('carries only "signed out" to a reader without a session', async () => {
    const { bootstrap } = await dashboardPage(null);
    expect(bootstrap).toEqual({ Me: { data: { me: null }, extensions: expect.any(Object) } });
  });

  it('keeps data from ending its script element', async () => {
    const { html, bootstrap } = await dashboardPage(await app.userToken('staff'));
    expect(html).not.toContain('<script>alert(1)');
    // the main bundle's and the answers'
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(bootstrap.Campaigns.data.campaigns[1].name).toBe(HOSTILE_NAME);
  });
});
