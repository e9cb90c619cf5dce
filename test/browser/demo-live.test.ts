import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTrickle, type Trickle } from '../../seeds/demo-trickle';
import { clockOn } from '../../server/common/clock';
import { screenshot, useDashboard } from './support/browser';

// The demo as a newcomer opens it during a campaign: this season's campaign under way, with
// placeholder cases, and its figures moving on screen while reports trickle in.

const TODAY = '2026-12-06';
const dashboard = useDashboard({ today: TODAY });
let trickle: Trickle;

beforeAll(() => {
  trickle = startDemoTrickle(dashboard().db.dataSource, { now: clockOn(TODAY), everyMs: 2_000 });
});
afterAll(async () => {
  await trickle?.stop();
});

describe('the live demo', () => {
  it("shows this season's campaign, its cases labelled as placeholders, and its figures move within 10 s", async () => {
    const page = await dashboard().signIn('staff');
    await page.getByRole('heading', { level: 1, name: 'Write for Rights 2026 (demo: placeholder cases)' }).waitFor({ timeout: 15_000 });
    await page.locator('main').getByText(/^Demo case \d+ \(placeholder\)/).filter({ visible: true }).first().waitFor({ timeout: 15_000 });
    const actions = page.locator('[data-counter="totalActions"]');
    await expect.poll(() => actions.textContent(), { timeout: 15_000 }).toMatch(/\d/);
    const before = await actions.textContent();
    await screenshot(page, 'demo-live-overview');
    const started = Date.now();
    await expect.poll(() => actions.textContent(), { timeout: 10_000, interval: 250 }).not.toBe(before);
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(page.locator('.live-mark').getAttribute('data-live-phase')).resolves.toBe('live');
  });
});
