import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';
import { seriousAxeViolations } from './support/axe';
import { CHROMIUM, screenshot } from './support/browser';

// A section's website on another origin (localhost) embeds counters served by the app (127.0.0.1):
// one with the script tag, one in an iframe, as the README tells sections to do.

let db: TestDatabase;
let app: RunningApp;
let site: Server;
let siteUrl: string;
let browser: Browser;
let hostHtml = '';

const CREATE = `mutation($input: CounterInput!) { createCounter(input: $input) { slug } }`;
async function counter(input: Record<string, unknown>): Promise<string> {
  const { data, errors } = await app.graphql(CREATE, { input: { year: 2024, shows: ['ACTIONS', 'COUNTRIES'], title: 'Write for Rights 2024', ...input } });
  expect(errors).toBeUndefined();
  return data.createCounter.slug;
}
const shadowText = (page: Page, slug: string) =>
  page.evaluate((s) => document.querySelector(`[data-w4r-counter="${s}"]`)?.shadowRoot?.textContent ?? '', slug);

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
  await givenReports(db.dataSource, [report({ count: 1200 }), report({ country: 'FR', region: 'Europe', count: 800 })]);
  app = await startApp(db.dataSource, { counterRefreshMs: 1000 });
  site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostHtml));
  await new Promise<void>((resolve) => site.listen(0, 'localhost', resolve));
  siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  site?.close();
  await app?.stop();
  await db?.drop();
});

describe('a public counter on a section website', () => {
  it('shows and updates, by script tag and in an iframe, from another origin', async () => {
    const slug = await counter({});
    hostHtml = `<!doctype html><html lang="en"><head><title>Section site</title></head><body><main>
      <h1>Our campaign</h1><div data-w4r-counter="${slug}"></div>
      <iframe title="Live counter" src="${app.url}/c/${slug}" width="420" height="170" style="border:0"></iframe>
      <script src="${app.url}/c/embed.js"></script></main></body></html>`;
    const page = await (await browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(siteUrl);
    expect(new URL(page.url()).origin).not.toBe(new URL(app.url).origin);
    await expect.poll(() => shadowText(page, slug)).toContain('2,000');
    const frame = page.frameLocator('iframe');
    await expect.poll(() => frame.locator('[data-w4r-counter]').evaluate((el) => el.shadowRoot?.textContent ?? '')).toContain('2,000');
    await screenshot(page, 'counter-embedded');

    await givenReports(db.dataSource, [report({ count: 345 })]);
    await expect.poll(() => shadowText(page, slug), { timeout: 10_000 }).toContain('2,345');
    await expect.poll(() => frame.locator('[data-w4r-counter]').evaluate((el) => el.shadowRoot?.textContent ?? ''), { timeout: 10_000 }).toContain('2,345');
    expect(errors).toEqual([]);
  });

  it.each(['en', 'es', 'fr', 'ar'])('reads well in %s: axe clean, Arabic right to left with Arabic-Indic digits', async (language) => {
    const slug = await counter({ language, region: language === 'ar' ? null : 'Europe' });
    // axe is added as a script: the widget's own policy allows only its script, so it is bypassed here
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 420, height: 220 } });
    const page = await context.newPage();
    await page.goto(`${app.url}/c/${slug}`);
    await expect.poll(() => shadowText(page, slug)).not.toBe('');
    expect(await seriousAxeViolations(page)).toEqual([]);
    if (language === 'ar') {
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await page.evaluate((s) => document.querySelector(`[data-w4r-counter="${s}"]`)!.shadowRoot!.querySelector('figure')!.dir, slug)).toBe('rtl');
      expect(await shadowText(page, slug)).toContain('٢٬٣٤٥');
    }
    await screenshot(page, `counter-${language}`);
    await context.close();
  });
});
