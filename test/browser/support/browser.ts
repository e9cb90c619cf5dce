import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { loadDemoData } from '../../../seeds/demo';
import { clockOn } from '../../../server/common/clock';
import { createDemoAccounts, DEMO_ACCOUNTS } from '../../../server/modules/users/demo-accounts';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { startApp, type RunningApp } from '../../support/http';

// The dashboard in a real browser (Debian's Chromium, driven by playwright-core) against the real
// server on a real PostgreSQL database holding a tenth of the demo data.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(import.meta.dirname, '../../artifacts');

export type DemoRole = 'admin' | 'staff' | 'coordinator';

export interface Dashboard {
  app: RunningApp;
  db: TestDatabase;
  browser: Browser;
  /** A new browser context (its own cookies) signed in as a demo account, on `path` ("/?page=trends"). */
  signIn(role: DemoRole, options?: { path?: string; viewport?: { width: number; height: number }; locale?: string }): Promise<Page>;
  close(): Promise<void>;
}

export interface DashboardOptions {
  /** The demo as it stands on this day (YYYY-MM-DD), the app's clock on it; without it, every campaign of the file, whole. */
  today?: string;
}

export async function startDashboard(options: DashboardOptions = {}): Promise<Dashboard> {
  const db = await createTestDatabase();
  const clock = options.today ? clockOn(options.today) : undefined;
  await loadDemoData(db.dataSource, { scale: 0.1, now: clock?.() });
  await createDemoAccounts(db.dataSource);
  const app = await startApp(db.dataSource, { embedded: true, clock });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const contexts: BrowserContext[] = [];
  return {
    app,
    db,
    browser,
    async signIn(role, options = {}) {
      const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1280, height: 900 },
        locale: options.locale ?? 'en-GB',
        acceptDownloads: true,
      });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${app.url}${options.path ?? '/'}`);
      // By field name, not label: the sign-in page may be in Spanish.
      await page.locator('input[name="email"]').fill(account.email);
      await page.locator('input[name="password"]').fill(account.password);
      await page.locator('form button[type="submit"]').click();
      await page.getByRole('button', { name: /^(sign out|cerrar sesión|se déconnecter|تسجيل الخروج)$/i }).waitFor();
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await app.stop();
      await db.drop();
    },
  };
}

/**
 * One dashboard for a test file: started before its tests, closed after them. Call at the top of the
 * file; the returned function gives the running dashboard inside tests and later hooks.
 */
export function useDashboard(options: DashboardOptions = {}): () => Dashboard {
  let dashboard: Dashboard | undefined;
  beforeAll(async () => {
    dashboard = await startDashboard(options);
  }, 180_000);
  afterAll(async () => {
    await dashboard?.close();
  });
  return () => {
    if (!dashboard) throw new Error('the dashboard is not started (useDashboard at the top of the file)');
    return dashboard;
  };
}

/**
 * Charts are drawn as they come near the viewport (client/charts/ChartWhenVisible.tsx): the page is
 * scrolled through a screen at a time, so that the picture shows them, and back to where it was.
 */
async function drawEveryChart(page: Page): Promise<void> {
  const start = await page.evaluate(() => window.scrollY);
  for (let seen = 0; ; ) {
    const { y, bottom } = await page.evaluate(() => ({ y: window.scrollY + window.innerHeight, bottom: document.documentElement.scrollHeight }));
    if (y >= bottom || y <= seen) break;
    seen = y;
    await page.evaluate(() => window.scrollBy(0, window.innerHeight));
    await page.evaluate(() => new Promise(requestAnimationFrame));
  }
  await page.evaluate((y) => window.scrollTo(0, y), start);
  // a picture, not an assertion: a chart still loading after a while is photographed as it is
  await page.locator('.chart.skeleton').first().waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
}

/** Saves a full-page screenshot as test/artifacts/<name>.png for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await drawEveryChart(page);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
