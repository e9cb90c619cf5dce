import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './support/axe';
import { screenshot, useDashboard } from './support/browser';

const dashboard = useDashboard();

describe('the counters page', () => {
  it('lets staff create a counter, copy its code, see its badge, pause and remove it', async () => {
    const page = await dashboard().signIn('staff', { path: '/?page=counters' });
    await page.getByRole('heading', { level: 1, name: 'Public counters' }).waitFor();
    await expect.poll(() => page.getByText('No counter yet').count()).toBe(1);

    const form = page.locator('form.counter-form');
    await form.getByLabel('Title').fill('Write for Rights in Mexico, a long title to see how it wraps on a phone');
    await form.getByLabel('Country').selectOption('MX');
    await form.getByLabel('Language').selectOption('es');
    await page.getByRole('checkbox', { name: 'Countries' }).check();
    await page.getByRole('button', { name: 'Create counter' }).click();

    const item = page.locator('.counter-list__item');
    await expect.poll(() => item.count()).toBe(1);
    const code = await item.locator('pre').textContent();
    const slug = /data-w4r-counter="([a-z0-9]{10})"/.exec(code ?? '')![1];
    expect(code).toContain(`${dashboard().app.url}/c/embed.js`);
    expect(await item.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const view = await (await fetch(`${dashboard().app.url}/c/${slug}.json`)).json();
    expect(view).toMatchObject({ country: 'MX', language: 'es', paused: false });
    expect(view.figures.map((f: { figure: string }) => f.figure)).toEqual(['ACTIONS', 'COUNTRIES']);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'counters-page');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'counters-page-phone');

    await item.getByRole('button', { name: 'Pause' }).click();
    await item.getByText('Paused').waitFor();
    const [stored] = await dashboard().db.dataSource.query(`SELECT paused FROM public_counter WHERE slug = $1`, [slug]);
    expect(stored.paused).toBe(true);

    page.once('dialog', (d) => void d.accept());
    await item.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.getByText('No counter yet').count()).toBe(1);
  });

  it('is not offered to coordinators', async () => {
    const page = await dashboard().signIn('coordinator');
    await page.getByRole('navigation').first().waitFor();
    expect(await page.getByRole('link', { name: 'Counters' }).count()).toBe(0);
  });
});
