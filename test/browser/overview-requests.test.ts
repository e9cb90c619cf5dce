import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDashboard } from './support/browser';

// What the overview asks the server when it opens: every request once, and only the page's own
// figures (index.html carries who is signed in and the campaigns). A duplicate costs a cold
// computation at the December peak, when every write makes the next answer cold.

const dashboard = useDashboard();

/** The operation names of the GraphQL requests `page` sends from now on. */
function countOperations(page: Page): Map<string, number> {
  const counts = new Map<string, number>();
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const name = (request.postDataJSON() as { operationName?: string }).operationName ?? '(anonymous)';
    counts.set(name, (counts.get(name) ?? 0) + 1);
  });
  return counts;
}

/**
 * Opens `path` in a new tab of the signed-in browser (the sign-in tab is closed first, so none of its
 * requests count), waits until the overview is drawn and nothing more is asked, and counts.
 */
async function operationsOnLoad(signedIn: Page, path: string): Promise<Record<string, number>> {
  await signedIn.close();
  const page = await signedIn.context().newPage();
  const counts = countOperations(page);
  await page.goto(`${dashboard().app.url}${path}`);
  await page.locator('[data-counter="totalActions"]').waitFor();
  await page.getByText(/Same day 2024/).first().waitFor();
  await page.waitForLoadState('networkidle');
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
}

describe('overview requests', () => {
  it('sends each request once on a filtered overview load', async () => {
    const page = await dashboard().signIn('staff');
    const counts = await operationsOnLoad(page, '/?year=2025&region=Europe+and+Central+Asia');
    expect(counts).toEqual({ FilterOptions: 1, OverviewFigures: 1, OverviewSameDayLastYear: 1, SameDayComparison: 1, YearCurves: 1 });
  });

  it('sends each request once on an unfiltered overview load', async () => {
    const page = await dashboard().signIn('coordinator');
    const counts = await operationsOnLoad(page, '/');
    expect(Object.values(counts).every((n) => n === 1), JSON.stringify(counts)).toBe(true);
    expect(counts).not.toHaveProperty('Me');
    expect(counts).not.toHaveProperty('Campaigns');
  });
});
