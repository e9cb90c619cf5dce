import type { Duplex } from 'node:stream';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../server/modules/users/demo-accounts';
import { report } from '../support/fixtures';
import { screenshot, useDashboard } from './support/browser';

// Live updates end to end: the figuresChanged subscription over the real WebSocket, refetching the
// overview in a real browser, and coming back by itself after the connection is cut.

const dashboard = useDashboard();
/** The upgraded (WebSocket) connections open on the server now. */
const sockets = new Set<Duplex>();
/** While true the server drops every new WebSocket at once, as a network outage would. */
let refuseSockets = false;
let year: number;
let caseSlug: string;

beforeAll(async () => {
  // Ahead of the app's own upgrade handler, which gives up on a socket already destroyed.
  dashboard().app.httpServer.prependListener('upgrade', (_request, socket: Duplex) => {
    if (refuseSockets) return socket.destroy();
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const { data } = await dashboard().app.graphql('{ campaigns { year cases { slug } } }');
  const latest = data.campaigns.reduce((a: { year: number }, b: { year: number }) => (b.year > a.year ? b : a));
  year = latest.year;
  caseSlug = latest.cases[0].slug;
}, 180_000);
afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
});

/** Pages are closed after each test, pass or fail, so that each test counts only its own sockets. */
const pages: Page[] = [];
async function openOverview(): Promise<Page> {
  const page = await dashboard().signIn('staff');
  pages.push(page);
  return page;
}

async function totalActions(): Promise<number> {
  const { data } = await dashboard().app.graphql('query($year: Int!) { impact(filter: { year: $year }) { totalActions } }', { year });
  return data.impact.totalActions;
}

async function submit(count: number): Promise<void> {
  const { reportId, actionType, country, region } = report();
  const input = { reportId: `live-${reportId}-${Date.now()}`, year, caseSlug, actionType, count, country, region, reportedAt: `${year}-12-15T12:00:00Z` };
  const answer = await dashboard().app.graphql('mutation($input: ReportInput!) { submitReport(input: $input) { id } }', { input });
  expect(answer.errors).toBeUndefined();
}

/** The figure as the dashboard writes it in English (en-GB): 1,234,567. */
const shown = (n: number) => n.toLocaleString('en-GB');

async function waitForTotal(page: Page, total: number, timeout = 5_000): Promise<void> {
  await page.locator('main').getByText(shown(total), { exact: true }).first().waitFor({ timeout });
}

const mark = (page: Page) => page.locator('.live-mark');
const phase = (page: Page) => mark(page).getAttribute('data-live-phase');
const updatedAt = (page: Page) => mark(page).locator('time').getAttribute('datetime');

/** Counts every busy region or skeleton that appears inside main from now on (a flicker). */
async function countSkeletons(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { skeletonsSeen: number };
    w.skeletonsSeen = 0;
    const busy = (node: Node) =>
      node instanceof Element && (node.matches('[aria-busy="true"], .skeleton') || node.querySelector('[aria-busy="true"], .skeleton') !== null);
    new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes' && busy(record.target)) w.skeletonsSeen++;
        for (const node of record.addedNodes) if (busy(node)) w.skeletonsSeen++;
      }
    }).observe(document.querySelector('main')!, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy', 'class'] });
  });
  return () => page.evaluate(() => (window as unknown as { skeletonsSeen: number }).skeletonsSeen);
}

describe('live updates', () => {
  it('shows a report on the overview within 5 s, without a reload or a skeleton, and says when', async () => {
    const page = await openOverview();
    const before = await totalActions();
    await waitForTotal(page, before, 15_000);
    await expect.poll(() => phase(page), { timeout: 10_000 }).toBe('live');
    await expect(page.getByRole('status').filter({ hasText: 'Live' }).textContent()).resolves.toBe('Live');
    const firstUpdate = await updatedAt(page);
    expect(firstUpdate).not.toBeNull();
    await expect(mark(page).textContent()).resolves.toMatch(/^Live · Updated \d\d:\d\d:\d\d$/);

    const skeletons = await countSkeletons(page);
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await submit(12_345);
    const started = Date.now();
    await waitForTotal(page, before + 12_345);
    expect(Date.now() - started).toBeLessThan(5_000);

    await expect.poll(() => updatedAt(page)).not.toBe(firstUpdate);
    expect(Date.parse((await updatedAt(page))!)).toBeGreaterThan(Date.parse(firstUpdate!));
    await expect(skeletons()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).resolves.toBe(true);
    await screenshot(page, 'live-updated');
    await page.setViewportSize({ width: 375, height: 800 });
    await screenshot(page, 'live-updated-phone');
  });

  it('says it is reconnecting when the connection drops, comes back by itself and catches up', async () => {
    const page = await openOverview();
    await expect.poll(() => phase(page), { timeout: 10_000 }).toBe('live');
    const before = await totalActions();
    await waitForTotal(page, before);

    refuseSockets = true;
    for (const socket of sockets) socket.destroy();
    await expect.poll(() => phase(page), { timeout: 5_000 }).toBe('reconnecting');
    await expect(page.getByRole('status').filter({ hasText: 'reconnecting' }).textContent()).resolves.toBe(
      'Live updates paused; reconnecting…',
    );
    // A report while the connection is down: the figures cannot follow yet...
    await submit(111);
    await page.waitForTimeout(1_500);
    await expect(phase(page)).resolves.toBe('reconnecting');
    await expect(page.locator('main').getByText(shown(before + 111), { exact: true }).count()).resolves.toBe(0);
    await screenshot(page, 'live-reconnecting');

    // ...and catch up as soon as it is back (the wait between attempts is at most 10 s).
    refuseSockets = false;
    await expect.poll(() => phase(page), { timeout: 15_000 }).toBe('live');
    await waitForTotal(page, before + 111);

    // Later reports keep arriving.
    await submit(222);
    await waitForTotal(page, before + 333);
  });

  it('closes the socket on sign-out and opens one on sign-in', async () => {
    await expect.poll(() => sockets.size, { timeout: 5_000 }).toBe(0); // earlier pages are closed
    const page = await openOverview();
    await expect.poll(() => phase(page), { timeout: 10_000 }).toBe('live');
    expect(sockets.size).toBe(1);

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByLabel('Email').waitFor();
    await expect.poll(() => sockets.size, { timeout: 5_000 }).toBe(0);
    await expect(mark(page).count()).resolves.toBe(0);

    const staff = DEMO_ACCOUNTS.find((account) => account.role === 'staff')!;
    await page.getByLabel('Email').fill(staff.email);
    await page.getByLabel('Password').fill(staff.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => phase(page), { timeout: 10_000 }).toBe('live');
    expect(sockets.size).toBe(1);
  });
});
