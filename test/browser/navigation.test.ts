import { describe, expect, it } from 'vitest';
import { screenshot, useDashboard } from './support/browser';

const dashboard = useDashboard();

describe('dashboard shell', () => {
  it('shows staff every page, a coordinator no Reports or Snapshots', async () => {
    const staff = await dashboard().signIn('staff');
    const nav = staff.getByRole('navigation', { name: 'Dashboard pages' });
    await expect(nav.getByRole('link').allTextContents()).resolves.toEqual([
      'Overview',
      'Trends',
      'Cases & outcomes',
      'Geography',
      'Groups',
      'Reports',
      'Snapshots',
      'Counters',
    ]);
    await screenshot(staff, 'shell-staff');
    const coordinator = await dashboard().signIn('coordinator', { path: '/?page=reports' });
    await expect(
      coordinator.getByRole('navigation', { name: 'Dashboard pages' }).getByRole('link').allTextContents(),
    ).resolves.toEqual(['Overview', 'Trends', 'Cases & outcomes', 'Geography', 'Groups']);
    // A link to a page the role may not open shows the overview, and says so in the address.
    await coordinator.waitForURL((url) => !url.search.includes('page=reports'));
  });

  it('keeps filters in the address: a reload and back/forward reproduce the view', async () => {
    const page = await dashboard().signIn('staff');
    const filters = page.getByRole('form', { name: 'Filters' });
    await filters.getByLabel('Region').selectOption('Europe and Central Asia');
    await page.waitForURL(/region=Europe\+and/);
    await filters.getByLabel('Writers’ country').selectOption({ label: 'France' });
    await page.waitForURL(/country=FR/);
    await page.reload();
    await expect(filters.getByLabel('Region').inputValue()).resolves.toBe('Europe and Central Asia');
    await expect(filters.getByLabel('Writers’ country').inputValue()).resolves.toBe('FR');
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('country='));
    await expect(filters.getByLabel('Writers’ country').inputValue()).resolves.toBe('');
    await page.goForward();
    await expect(filters.getByLabel('Writers’ country').inputValue()).resolves.toBe('FR');
  });

  it('ignores a malformed filter in a link, keeping the good ones', async () => {
    const page = await dashboard().signIn('staff', { path: '/?region=Europe+and+Central+Asia&country=france&actionType=NOPE' });
    await page.waitForURL((url) => url.search === '?region=Europe+and+Central+Asia');
    await expect(page.getByRole('form', { name: 'Filters' }).getByLabel('Region').inputValue()).resolves.toBe('Europe and Central Asia');
  });

  it('offers a coordinator only their own regions', async () => {
    const page = await dashboard().signIn('coordinator');
    await page.locator('option', { hasText: 'Americas' }).waitFor({ state: 'attached' });
    const options = await page.getByRole('form', { name: 'Filters' }).getByLabel('Region').locator('option').allTextContents();
    expect(options).toEqual(['All my regions', 'Americas']);
  });

  it('folds the filters on a phone under a line that says how many are on', async () => {
    const page = await dashboard().signIn('staff', { path: '/?actionType=LETTER', viewport: { width: 375, height: 800 } });
    const filters = page.getByRole('form', { name: 'Filters' });
    await filters.getByText('Filters · 1 filter on').waitFor();
    await expect(filters.getByLabel('Region').isVisible()).resolves.toBe(false);
    await filters.getByText('Filters · 1 filter on').click();
    await filters.getByLabel('Region').selectOption('Africa');
    await page.waitForURL(/region=Africa/);
    await filters.getByText('Filters · 2 filters on').waitFor();
    await screenshot(page, 'shell-phone-filters-open');
  });

  it('prints the figures without the controls', async () => {
    const page = await dashboard().signIn('staff');
    await page.locator('.recharts-line-curve').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    for (const control of ['navigation', 'button']) {
      await expect(page.getByRole(control as 'button').first().isVisible()).resolves.toBe(false);
    }
    await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.recharts-line-curve').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'overview-print');
  });
});

