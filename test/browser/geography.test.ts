import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NO_DATA, SEQUENTIAL } from '../../client/charts/palette';
import { ARTIFACTS, screenshot, useDashboard } from './support/browser';
import { seriousAxeViolations } from './support/axe';
import { REGION_NAMES } from '../../client/i18n/region-names';

// The Geography page against GraphQL answers on the same database: the map's shading and labels, the
// drill-down from the world to a subdivision, a coordinator's scope, and the Spanish interface.

const YEAR = 2024;
const PATH = `/?page=geography&year=${YEAR}`;
const PHONE = { width: 375, height: 800 };

interface Total {
  key: string;
  actions: number;
}

const dashboard = useDashboard();

async function impact(filter: Record<string, unknown>) {
  const answer = await dashboard().app.graphql<{
    impact: { totalActions: number; byRegion: Total[]; byCountry: Total[]; bySubdivision: Total[] };
  }>('query ($filter: ImpactFilter!) { impact(filter: $filter) { totalActions byRegion { key actions } byCountry { key actions } bySubdivision { key actions } } }', {
    filter: { year: YEAR, ...filter },
  });
  expect(answer.errors).toBeUndefined();
  return answer.data!.impact;
}

const count = (locale: string, n: number) => new Intl.NumberFormat(locale, { useGrouping: 'always' }).format(n);
const map = (page: Page) => page.getByRole('group', { name: /^Map of actions|^Mapa de acciones/ });

/** The rows of a drill-down table as [name, actions], read from the page. */
async function tableRows(page: Page, caption: RegExp): Promise<[string, number][]> {
  const rows = page.getByRole('table', { name: caption }).locator('tbody tr');
  await rows.first().waitFor();
  return rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = tr.querySelectorAll('th, td');
      return [cells[0].textContent!.replace(/\s*\((selected|seleccionado)\)$/, ''), Number(cells[1].textContent!.replace(/\D/g, ''))];
    }),
  );
}

/** The countries the map shades, by the alpha-2 code in each link's address. */
async function shadedCountries(page: Page): Promise<string[]> {
  const links = map(page).getByRole('link');
  await links.first().waitFor();
  return (await links.evaluateAll((as) => as.map((a) => new URL(a.getAttribute('href')!, location.href).searchParams.get('country')!))).sort();
}

describe('geography page', () => {
  it('shades every country with reports, labels each with its figure, and its region table adds up', async () => {
    const world = await impact({});
    const page = await dashboard().signIn('staff', { path: PATH });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await expect(shadedCountries(page)).resolves.toEqual(world.byCountry.map((row) => row.key).sort());

    const france = world.byCountry.find((row) => row.key === 'FR')!;
    const link = map(page).getByRole('link', { name: `France: ${count('en-GB', france.actions)} actions`, exact: true });
    const fill = await link.locator('path').getAttribute('fill');
    expect(SEQUENTIAL).toContain(fill);
    // The country with the most actions is in the darkest class.
    const top = world.byCountry[0];
    const topFill = await map(page).locator(`a[href*="country=${top.key}"] path`).getAttribute('fill');
    expect(topFill).toBe(SEQUENTIAL.at(-1));
    // Countries without reports are grey and not links.
    await expect(map(page).locator(`path[fill="${NO_DATA}"]`).count()).resolves.toBeGreaterThan(100);

    const regions = await tableRows(page, /^Actions by region/);
    expect(regions).toEqual(world.byRegion.map((row) => [row.key, row.actions]));
    expect(regions.reduce((sum, [, actions]) => sum + actions, 0)).toBe(world.totalActions);
    await screenshot(page, 'geography-staff');

    // The map exports as an image like every chart.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^Download PNG/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    await download.saveAs(path.join(ARTIFACTS, 'geography-map-export.png'));
    expect(consoleErrors).toEqual([]);

    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('drills down from a country on the map to its subdivisions, and back up by the breadcrumbs', async () => {
    const germany = await impact({ countries: ['DE'] });
    const page = await dashboard().signIn('staff', { path: PATH });
    await map(page).getByRole('link', { name: /^Germany: / }).click();
    await page.waitForURL(/country=DE/);

    const subdivisions = await tableRows(page, /^Actions by subdivision in Germany/);
    expect(subdivisions).toEqual(germany.bySubdivision.map((row) => [row.key || 'Not given', row.actions]));
    expect(germany.bySubdivision.length).toBeGreaterThan(1);
    // the filter bar offers the chosen country's subdivisions (their own request, FilterSubdivisions)
    const offered = page.getByRole('form', { name: 'Filters' }).getByLabel('Subdivision').locator('option');
    await expect.poll(() => offered.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean).sort()))
      .toEqual(germany.bySubdivision.map((row) => row.key).filter(Boolean).sort());
    const crumbs = page.getByRole('navigation', { name: 'Area shown' });
    await expect(crumbs.getByRole('listitem').allTextContents()).resolves.toEqual(['World', 'Europe and Central Asia', 'Germany']);
    await expect(map(page).getByRole('link', { name: /^Germany: / }).getAttribute('aria-current')).resolves.toBe('true');

    await page.getByRole('table', { name: /^Actions by subdivision/ }).getByRole('link', { name: 'DE-BY' }).click();
    await page.waitForURL(/subdivision=DE-BY/);
    await expect(crumbs.getByRole('listitem').last().textContent()).resolves.toBe('DE-BY');
    await screenshot(page, 'geography-staff-germany');

    // Up to the region: the map zooms on it and lists only its countries.
    await crumbs.getByRole('link', { name: 'Europe and Central Asia' }).click();
    await page.waitForURL((url) => url.searchParams.get('region') === 'Europe and Central Asia' && !url.searchParams.has('country'));
    const europe = await impact({ regions: ['Europe and Central Asia'] });
    await expect(shadedCountries(page)).resolves.toEqual(europe.byCountry.map((row) => row.key).sort());
    await screenshot(page, 'geography-staff-europe');

    await crumbs.getByRole('link', { name: 'World' }).click();
    await page.waitForURL((url) => !url.searchParams.has('region'));
    await expect(page.getByRole('table', { name: /^Actions by subdivision/ }).count()).resolves.toBe(0);
  });

  it('opens a country from the keyboard', async () => {
    const page = await dashboard().signIn('staff', { path: PATH });
    await map(page).getByRole('link', { name: /^France: / }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/country=FR/);
    await page.getByRole('table', { name: /^Actions by subdivision in France/ }).waitFor();
  });

  it('shows a coordinator only the countries of their region', async () => {
    const americas = await impact({ regions: ['Americas'] });
    const page = await dashboard().signIn('coordinator', { path: PATH });
    await expect(shadedCountries(page)).resolves.toEqual(americas.byCountry.map((row) => row.key).sort());
    await expect(tableRows(page, /^Actions by region/)).resolves.toEqual([['Americas', americas.totalActions]]);
    await screenshot(page, 'geography-coordinator');

    const phone = await dashboard().signIn('coordinator', { path: PATH, viewport: PHONE });
    await expect(shadedCountries(phone)).resolves.toHaveLength(americas.byCountry.length);
    await screenshot(phone, 'geography-coordinator-phone');
  });

  it('fits a phone screen: the map scales down and nothing is wider than the screen', async () => {
    const page = await dashboard().signIn('staff', { path: `${PATH}&country=US`, viewport: PHONE });
    await page.getByRole('table', { name: /^Actions by subdivision/ }).waitFor();
    const box = await map(page).boundingBox();
    expect(box!.width).toBeLessThanOrEqual(PHONE.width);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'geography-staff-phone');
  });

  it('speaks Spanish, with figures in Spanish style', async () => {
    const world = await impact({});
    const page = await dashboard().signIn('staff', { path: PATH });
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Geografía' }).waitFor();
    const france = world.byCountry.find((row) => row.key === 'FR')!;
    await map(page).getByRole('link', { name: `Francia: ${count('es-ES', france.actions)} acciones`, exact: true }).waitFor();
    // Amnesty's regions named in Spanish ("Américas"), as in the filter and the breadcrumbs
    await expect(tableRows(page, /^Acciones por región/)).resolves.toEqual(world.byRegion.map((row) => [REGION_NAMES.es[row.key], row.actions]));
    await expect(page.getByRole('navigation', { name: 'Zona mostrada' }).textContent()).resolves.toBe('Mundo');
    await page.getByRole('heading', { level: 2, name: 'Acciones por país de quien escribe' }).waitFor();
    await expect(page.locator('.geo-legend__title').textContent()).resolves.toBe('Acciones por país');
    await screenshot(page, 'geography-staff-es');
  });

  it('says so when no report matches, and offers a retry when the figures fail to load', async () => {
    const page = await dashboard().signIn('staff', { path: `${PATH}&from=${YEAR}-01-01&to=${YEAR}-01-02` });
    await page.getByRole('heading', { name: 'No reports in this area yet' }).waitFor();
    await expect(map(page).count()).resolves.toBe(0);

    let failing = true;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string } | null;
      if (failing && body?.operationName === 'GeographyFigures') await route.fulfill({ status: 500, body: 'down' });
      else await route.continue();
    });
    await page.goto(`${dashboard().app.url}${PATH}`);
    const alert = page.getByRole('alert').filter({ hasText: 'The figures by area could not be loaded' });
    await alert.waitFor();
    await screenshot(page, 'geography-error');
    failing = false;
    await alert.getByRole('button').click();
    await map(page).getByRole('link', { name: /^France: / }).waitFor();
  });
});
