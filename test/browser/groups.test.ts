import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, useDashboard } from './support/browser';
import { seriousAxeViolations } from './support/axe';


const dashboard = useDashboard();
let year: number;

const RANKING = `query ($filter: ImpactFilter!, $search: String, $first: Int!, $after: String) {
  groupRanking(filter: $filter, search: $search, first: $first, after: $after) {
    totalCount
    edges { node { rank actions group { id ref name region } } }
    pageInfo { endCursor }
  }
}`;

interface Ranking {
  totalCount: number;
  edges: { node: { rank: number; actions: number; group: { id: string; ref: string; name: string; region: string | null } } }[];
  pageInfo: { endCursor: string };
}

async function ranking(variables: Record<string, unknown>): Promise<Ranking> {
  const { data, errors } = await dashboard().app.graphql(RANKING, { first: 25, ...variables });
  expect(errors).toBeUndefined();
  return data.groupRanking;
}

/** Figures as the page writes them in English ("1,234") or Spanish ("1.234"). */
const num = (text: string) => Number(text.replace(/[^\d]/g, ''));

/** [rank, name, actions] of each row of the list's table, once it shows `count` rows. */
async function tableRows(page: Page, count?: number): Promise<[number, string, number][]> {
  const table = page.locator('.groups-table[aria-busy="false"] table');
  // Counted and read in one step: the table may be redrawn between two separate reads.
  let rows: string[][] = [];
  await expect
    .poll(async () => {
      rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td, th')].map((cell) => (cell.textContent ?? '').trim())))
        .catch(() => []);
      return count === undefined ? rows.length > 0 : rows.length === count;
    })
    .toBe(true);
  return rows.map((cells) => [num(cells[0]), cells[1], num(cells[2])]);
}

const expectedRows = (r: Ranking) => r.edges.map((e) => [e.node.rank, e.node.group.name, e.node.actions]);


/** Nothing wider than the screen: tables scroll inside their own box. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width);
}

beforeAll(async () => {
  const { data } = await dashboard().app.graphql(`{ campaigns { year } }`);
  year = Math.max(...data.campaigns.map((c: { year: number }) => c.year));
}, 180_000);

describe('Groups page', () => {
  it('ranks groups as the GraphQL API does, page by page', async () => {
    const page = await dashboard().signIn('staff', { path: '/?page=groups' });
    const first = await ranking({ filter: { year } });
    expect(first.totalCount).toBeGreaterThan(50);
    expect(await tableRows(page, 25)).toEqual(expectedRows(first));
    await page.getByText(`Groups 1–25 of ${first.totalCount.toLocaleString('en-GB')}`).waitFor();
    await screenshot(page, 'groups-ranking-desktop');

    await page.getByRole('navigation', { name: 'Pages of the ranking' }).getByRole('button', { name: 'Next' }).click();
    const second = await ranking({ filter: { year }, after: first.pageInfo.endCursor });
    await page.getByText(`Groups 26–50 of ${first.totalCount.toLocaleString('en-GB')}`).waitFor();
    expect(await tableRows(page, 25)).toEqual(expectedRows(second));
    await page.getByRole('button', { name: 'Previous' }).click();
    await page.getByText('Groups 1–25 of').waitFor();
    expect(await tableRows(page, 25)).toEqual(expectedRows(first));
  });

  it('applies the filter bar', async () => {
    const page = await dashboard().signIn('staff', { path: '/?page=groups&region=Africa&groupType=SCHOOL' });
    const expected = await ranking({ filter: { year, regions: ['Africa'], groupTypes: ['SCHOOL'] } });
    expect(expected.totalCount).toBeGreaterThan(0);
    expect(await tableRows(page, Math.min(25, expected.totalCount))).toEqual(expectedRows(expected));
  });

  it('narrows by a search kept in the address across a reload', async () => {
    const page = await dashboard().signIn('staff', { path: '/?page=groups' });
    await tableRows(page, 25);
    // a group far down the ranking, found by part of its reference
    const target = (await ranking({ filter: { year }, first: 60 })).edges[55].node.group;
    const part = target.ref.slice(-6).toLowerCase();
    const expected = await ranking({ filter: { year }, search: part });
    expect(expected.edges.map((e) => e.node.group.ref)).toContain(target.ref);
    await page.getByLabel('Search groups by name or reference').fill(part);
    await page.waitForURL((url) => url.searchParams.get('q') === part);
    expect(await tableRows(page, expected.edges.length)).toEqual(expectedRows(expected));
    await page.reload();
    await expect.poll(() => page.getByLabel('Search groups by name or reference').inputValue()).toBe(part);
    expect(await tableRows(page, expected.edges.length)).toEqual(expectedRows(expected));
    await page.getByLabel('Search groups by name or reference').fill('no such group anywhere');
    await page.getByRole('heading', { name: 'No group matches “no such group anywhere”' }).waitFor();
    await page.getByRole('button', { name: 'Clear the search' }).click();
    await page.waitForURL((url) => !url.searchParams.has('q'));
    await tableRows(page, 25);
  });

  it("opens a group's page from its row, and returns to the list", async () => {
    const page = await dashboard().signIn('staff', { path: '/?page=groups' });
    await tableRows(page, 25);
    const top = (await ranking({ filter: { year }, first: 3 })).edges[2].node.group;
    await page.getByRole('link', { name: top.name, exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('group') === top.id);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(top.name);

    const { data } = await dashboard().app.graphql(`query ($id: ID!) { group(id: $id) { years { year actions reports } } }`, { id: top.id });
    const years = data.group.years as { year: number; actions: number; reports: number }[];
    // the chart's table is folded under it, built when opened
    const card = page.getByRole('region', { name: 'Actions per campaign', exact: true });
    await card.getByText('Show the data as a table').click();
    const table = card.getByRole('table', { name: 'Actions per campaign' });
    await table.waitFor();
    const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
    const shown = cells.map((c) => ({ year: num(c[0]), actions: num(c[1]), reports: num(c[2]) })).filter((r) => r.reports > 0);
    expect(shown).toEqual(years);
    const thisYear = years.find((y) => y.year === year)!;
    expect(num((await page.locator('dd.groups-profile__figure').first().textContent()) ?? '')).toBe(thisYear.actions);
    await page.getByRole('table', { name: /Actions by case/ }).waitFor();
    await page.mouse.move(0, 0); // no tooltip left open by the click in the picture
    await screenshot(page, 'groups-group-desktop');

    await page.getByRole('link', { name: 'All groups' }).click();
    await page.waitForURL((url) => !url.searchParams.has('group'));
    await tableRows(page, 25);
    await page.goBack();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(top.name);
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('group'));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Groups');
  });

  it('lists the groups not reported yet as the GraphQL API does', async () => {
    const page = await dashboard().signIn('staff', { path: '/?page=groups' });
    await page.getByRole('link', { name: 'Not reported yet' }).click();
    await page.waitForURL((url) => url.searchParams.get('list') === 'not-reported');
    const { data } = await dashboard().app.graphql(
      `query ($year: Int!) { notYetReported(year: $year, first: 50) { totalCount edges { node { lastYearActions group { name } } } } }`,
      { year },
    );
    const expected = data.notYetReported;
    expect(expected.totalCount).toBeGreaterThan(0);
    const table = page.locator('.groups-table[aria-busy="false"] table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(expected.edges.length);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
    expect(rows.map((c) => [c[0], num(c[1])])).toEqual(expected.edges.map((e: any) => [e.node.group.name, e.node.lastYearActions]));
    await page.getByText(`Showing ${expected.edges.length} of ${expected.totalCount.toLocaleString('en-GB')}`).waitFor();
    await screenshot(page, 'groups-not-reported-desktop');
  });

  it('shows a coordinator only the groups of the Americas, and no group page of another region', async () => {
    const page = await dashboard().signIn('coordinator', { path: '/?page=groups' });
    const americas = await ranking({ filter: { year, regions: ['Americas'] } });
    const everyone = await ranking({ filter: { year } });
    expect(americas.totalCount).toBeLessThan(everyone.totalCount);
    expect(await tableRows(page, 25)).toEqual(expectedRows(americas));
    await page.getByText(`Groups 1–25 of ${americas.totalCount.toLocaleString('en-GB')}`).waitFor();

    // a group of Europe that the API hides from this coordinator (it never reported in the Americas)
    const token = await dashboard().app.userToken('coordinator', ['Americas']);
    const european = everyone.edges.find((e) => e.node.group.region === 'Europe and Central Asia')!.node.group;
    const { data } = await dashboard().app.graphql(`query ($id: ID!) { group(id: $id) { id } }`, { id: european.id }, token);
    expect(data.group).toBeNull();
    await page.goto(`${dashboard().app.url}/?page=groups&group=${european.id}`);
    await page.getByRole('heading', { name: 'Group not found' }).waitFor();
    expect(await page.getByText(european.name).count()).toBe(0);
  });

  it('speaks Spanish, and fits a phone', async () => {
    const phone = { width: 375, height: 800 };
    const page = await dashboard().signIn('staff', { path: '/?page=groups', viewport: phone });
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Grupos' }).waitFor();
    await tableRows(page, 25);
    const headers = await page.locator('.groups-table thead th').allTextContents();
    expect(headers).toEqual(['Puesto', 'Grupo', 'Acciones', 'Informes', 'Porcentaje', 'Tipo', 'País', 'Referencia']);
    await page.getByLabel('Buscar grupos por nombre o referencia').waitFor();
    await page.getByRole('link', { name: 'Aún sin informar' }).waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'groups-ranking-phone-es');

    const top = (await ranking({ filter: { year }, first: 1 })).edges[0].node.group;
    await page.getByRole('link', { name: top.name, exact: true }).click();
    await page.getByRole('link', { name: 'Todos los grupos' }).waitFor();
    await page.getByRole('region', { name: 'Acciones por campaña', exact: true }).waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'groups-group-phone-es');

    await page.goto(`${dashboard().app.url}/?page=groups&list=not-reported`);
    await page.getByRole('heading', { level: 2, name: 'Aún sin informar' }).waitFor();
    await page.locator('.groups-table tbody tr').first().waitFor();
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'groups-not-reported-phone-es');
  });

  it('exports the ranking as CSV, with no console error and no serious axe violation on any view', async () => {
    const page = await dashboard().signIn('staff', { path: '/?page=groups' });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await tableRows(page, 25);
    const first = await ranking({ filter: { year } });
    // one page of the ranking, and its button and file say so (they said "Download CSV" of a list of hundreds)
    const button = page.getByRole('button', { name: `Download rows 1–25 of ${first.totalCount.toLocaleString('en-GB')} (CSV)` });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/-1-25\.csv$/);
    const csv = (await readFile(await download.path(), 'utf8')).trim().split(/\r?\n/);
    expect(csv[0]).toBe('Rank,Group,Actions,Reports,Share,Type,Country,Reference');
    expect(csv).toHaveLength(26);
    expect(csv[1].split(',').slice(0, 3)).toEqual([String(first.edges[0].node.rank), first.edges[0].node.group.name, String(first.edges[0].node.actions)]);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: first.edges[0].node.group.name, exact: true }).click();
    await page.getByRole('table', { name: /Actions by case/ }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto(`${dashboard().app.url}/?page=groups&list=not-reported`);
    await page.locator('.groups-table[aria-busy="false"] tbody tr').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
