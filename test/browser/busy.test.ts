import { describe, expect, it } from 'vitest';
import { useDashboard } from './support/browser';

// The server busy or restarting answers 503 with Retry-After and SERVICE_UNAVAILABLE
// (test/reliability/overload.test.ts). Here the browser meets such answers: while they last, every
// /graphql request is answered that way on its way to the real server; the page says "Busy,
// retrying…" in the header instead of drawing an error, and shows the figures once they pass.

const dashboard = useDashboard();

const BUSY = {
  status: 503,
  headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' },
  body: JSON.stringify({
    errors: [{ message: 'The service is busy or restarting; nothing was done. Please try again in a moment.', extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfter: 1 } }],
  }),
};

describe('the server busy for a moment', () => {
  it('shows "Busy, retrying…" as a status, no error, then the page once the server answers', async () => {
    const page = await dashboard().signIn('staff');
    let busy = true;
    let refused = 0;
    await page.route('**/graphql', (route) => {
      if (!busy || route.request().method() !== 'POST') return route.continue();
      refused++;
      return route.fulfill(BUSY);
    });
    await page.reload();

    const status = page.getByRole('status').filter({ hasText: 'Busy, retrying…' });
    await status.waitFor();
    expect(refused).toBeGreaterThan(0);
    // a state, not an error: no error message on the page
    expect(await page.getByRole('alert').count()).toBe(0);

    busy = false;
    await page.locator('.filter-bar').waitFor({ timeout: 30_000 });
    await status.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
  }, 90_000);
});
