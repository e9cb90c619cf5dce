import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, useDashboard } from './support/browser';
import { seriousAxeViolations } from './support/axe';

const dashboard = useDashboard();
let caseSlug: string;
let caseName: string;

const HEADER = 'report_id,year,case,group_ref,group_name,group_type,action_type,count,written_on,reported_at,country,region,subdivision';
const row = (id: string, count: string | number, actionType = 'LETTER') =>
  `${id},2025,${caseSlug},BT-G1,Browser test group,LOCAL_GROUP,${actionType},${count},2025-12-01,2025-12-05T10:00:00Z,US,Americas,US-IL`;
const GOOD_ROWS = 400;

beforeAll(async () => {
  [{ slug: caseSlug, name: caseName }] = await sql(`SELECT slug, name FROM "case" WHERE year = 2025 ORDER BY slug LIMIT 1`);
}, 180_000);

function sql(query: string, params: unknown[] = []): Promise<any[]> {
  return dashboard().db.dataSource.query(query, params);
}

async function totalActions2025(): Promise<number> {
  const { data } = await dashboard().app.graphql(`query { impact(filter: { year: 2025 }) { totalActions } }`);
  return data.impact.totalActions;
}

async function chooseFile(page: Page, name: string, lines: string[]) {
  await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
}

/** The cells of the table with this caption, row by row. */
async function tableRows(page: Page, caption: string | RegExp): Promise<string[][]> {
  const table = page.locator('table', { has: page.locator('caption', { hasText: caption }) });
  await table.waitFor();
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => Array.from(r.querySelectorAll('th, td'), (cell) => (cell.textContent ?? '').trim())),
  );
}


/** Finds a report through the search box of the recent reports. */
async function searchReport(page: Page, reportId: string) {
  await page.getByLabel('Report id starts with').fill(reportId);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.locator('caption', { hasText: `Reports whose id starts with “${reportId}”` }).waitFor();
}

describe('Reports page', () => {
  it('checks a file without storing it: the refused lines with their reasons', async () => {
    const page = await dashboard().signIn('staff', { path: '/?page=reports' });
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    const [{ n: batchesBefore }] = await sql(`SELECT count(*)::int AS n FROM import_batch`);
    await chooseFile(page, 'bad.csv', [HEADER, row('BT-DRY-1', 5), row('BT-DRY-2', 'many'), row('BT-DRY-3', 7, 'POSTCARD'), row('BT-DRY-4', 9)]);
    await page.getByText('Chosen: bad.csv').waitFor();
    await page.getByRole('button', { name: 'Check only (dry run)' }).click();
    await page.getByRole('heading', { name: 'Check found problems: bad.csv' }).waitFor();
    const problems = await tableRows(page, 'Problems found in bad.csv, by line');
    expect(problems.map(([line, column]) => [line, column])).toEqual([
      ['3', 'count'],
      ['4', 'action_type'],
    ]);
    for (const [, , reason] of problems) expect(reason.length).toBeGreaterThan(5);
    const counts = await page.locator('.import-counts').innerText();
    expect(counts).toMatch(/Rows read\s+4/);
    expect(counts).toMatch(/Rows refused\s+2/);
    await screenshot(page, 'reports-dry-run');
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    // nothing stored, not even the record of an import
    expect(await sql(`SELECT count(*)::int AS n FROM letter_report WHERE report_id LIKE 'BT-DRY-%'`)).toEqual([{ n: 0 }]);
    expect(await sql(`SELECT count(*)::int AS n FROM import_batch`)).toEqual([{ n: batchesBefore }]);
  });

  it('refuses a file that is not CSV before sending it, takes a CSV file dropped on the zone', async () => {
    const page = await dashboard().signIn('staff', { path: '/?page=reports' });
    await page.locator('input[type=file]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('png') });
    await page.getByRole('alert').filter({ hasText: '“photo.png” is not a CSV file' }).waitFor();
    await expect(page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).resolves.toBe(true);
    // a CSV file dropped on the zone is taken
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['report_id\n'], 'dropped.csv', { type: 'text/csv' }));
      document.querySelector('.upload-zone')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.getByText('Chosen: dropped.csv').waitFor();
    await expect(page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).resolves.toBe(false);
  });

  it('imports a good file: progress to 100 %, the count imported, the rows stored, the import listed', async () => {
    const page = await dashboard().signIn('staff', { path: '/?page=reports' });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    const before = await totalActions2025();
    const ids = Array.from({ length: GOOD_ROWS }, (_, i) => `BT-GOOD-${String(i + 1).padStart(4, '0')}`);
    await chooseFile(page, 'good.csv', [HEADER, ...ids.map((id) => row(id, 3))]);
    await page.getByRole('button', { name: 'Check only (dry run)' }).click();
    await page.getByRole('heading', { name: 'Check passed: good.csv' }).waitFor();
    expect(await sql(`SELECT count(*)::int AS n FROM letter_report WHERE report_id LIKE 'BT-GOOD-%'`)).toEqual([{ n: 0 }]);
    // a clean check offers to import the same file
    await page.getByRole('button', { name: 'Import now' }).click();
    await page.getByRole('heading', { name: 'Imported: good.csv' }).waitFor();

    const progress = page.getByRole('progressbar', { name: 'Sending good.csv' });
    const { value, max } = await progress.evaluate((p: HTMLProgressElement) => ({ value: p.value, max: p.max }));
    expect(value).toBe(max);
    expect(max).toBeGreaterThan(GOOD_ROWS * 100);
    await expect(page.locator('.upload-progress__figures').innerText()).resolves.toMatch(/^100\s?% \(/);
    await expect(page.locator('.import-counts').innerText()).resolves.toMatch(/Imported\s+400/);

    const [stored] = await sql(`SELECT count(*)::int AS n, sum(count)::int AS actions FROM letter_report WHERE report_id LIKE 'BT-GOOD-%'`);
    expect(stored).toEqual({ n: GOOD_ROWS, actions: GOOD_ROWS * 3 });
    // a shared answer advances at most about once a second under writes (server/data-version/versions.ts)
    await expect.poll(totalActions2025, { timeout: 5_000 }).toBe(before + GOOD_ROWS * 3);
    // the history and the recent reports show it without a reload
    await expect.poll(async () => (await tableRows(page, 'The last imports, newest first'))[0]?.slice(1, 5)).toEqual([
      'good.csv', 'staff@demo.w4r', 'Imported', '400',
    ]);
    await expect.poll(async () => (await tableRows(page, 'Reports, most recently stored first'))[0]?.[0]).toBe('BT-GOOD-0400');
    await screenshot(page, 'reports-imported');
    expect(consoleErrors).toEqual([]);
  });

  it('retracts a report with a reason: RETRACTED in the list and in the database, out of the totals', async () => {
    const page = await dashboard().signIn('staff', { path: '/?page=reports' });
    const before = await totalActions2025();
    await searchReport(page, 'BT-GOOD-0001');
    await page.getByRole('button', { name: 'Retract report BT-GOOD-0001' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retract report BT-GOOD-0001' });
    await dialog.waitFor();
    // focus starts in the dialog, on the reason
    await expect(page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('TEXTAREA');
    await dialog.getByRole('button', { name: 'Retract report' }).click();
    await dialog.getByText('Required.').waitFor();
    await dialog.getByLabel('Reason for the retraction').fill('Sent twice by the group');
    await dialog.getByRole('button', { name: 'Retract report' }).click();
    await page.getByRole('status').filter({ hasText: 'Report BT-GOOD-0001 is retracted' }).waitFor();
    await expect(dialog.isVisible()).resolves.toBe(false);
    await expect.poll(async () => (await tableRows(page, /Reports whose id starts with/))[0]?.slice(0, 2)).toEqual([
      'BT-GOOD-0001', 'RetractedReason: Sent twice by the group',
    ]);
    expect(await sql(`SELECT status, status_reason FROM letter_report WHERE report_id = 'BT-GOOD-0001'`)).toEqual([
      { status: 'RETRACTED', status_reason: 'Sent twice by the group' },
    ]);
    await expect.poll(totalActions2025, { timeout: 5_000 }).toBe(before - 3);
    await expect(page.getByRole('button', { name: 'Retract report BT-GOOD-0001' }).count()).resolves.toBe(0);
  });

  it('corrects a report: server objections next to the field, then old SUPERSEDED and new ACTIVE with the new count', async () => {
    const page = await dashboard().signIn('staff', { path: '/?page=reports&q=BT-GOOD-0002' });
    await page.getByRole('button', { name: 'Correct report BT-GOOD-0002' }).click();
    const dialog = page.getByRole('dialog', { name: 'Correct report BT-GOOD-0002' });
    await dialog.waitFor();
    // prefilled with the report, under a suggested new id
    await expect(dialog.getByLabel('New report id').inputValue()).resolves.toBe('BT-GOOD-0002-c1');
    await expect(dialog.getByLabel('Number of actions').inputValue()).resolves.toBe('3');
    await expect(dialog.getByLabel('Case').inputValue()).resolves.toBe(caseSlug);
    await expect.poll(() => dialog.getByLabel('Case').locator('option:checked').innerText()).toBe(caseName); // once the year's cases arrive
    await expect(dialog.getByLabel('Group name (optional)').inputValue()).resolves.toBe('Browser test group');
    await dialog.getByLabel('Number of actions').fill('40');
    await dialog.getByLabel('Reason for the correction').fill('The group counted 40 letters');
    // a country the server refuses: its reason appears under that field
    await dialog.getByLabel('Writers’ country (ISO code)').fill('Z9');
    await dialog.getByRole('button', { name: 'Save the correction' }).click();
    const country = dialog.getByLabel('Writers’ country (ISO code)');
    await expect.poll(() => country.getAttribute('aria-invalid')).toBe('true');
    const described = await country.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${described!.split(' ').at(-1)}"]`).innerText()).resolves.toMatch(/^The server says: .+/);
    await screenshot(page, 'reports-correct-dialog');
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    expect(await sql(`SELECT status FROM letter_report WHERE report_id = 'BT-GOOD-0002'`)).toEqual([{ status: 'ACTIVE' }]);

    await country.fill('US');
    await dialog.getByRole('button', { name: 'Save the correction' }).click();
    await page.getByRole('status').filter({ hasText: 'BT-GOOD-0002-c1 replaces it' }).waitFor();
    await expect
      .poll(async () => (await tableRows(page, /Reports whose id starts with/)).map((r) => r.slice(0, 3)))
      .toEqual([
        ['BT-GOOD-0002', 'Supersededreplaced by BT-GOOD-0002-c1Reason: The group counted 40 letters', '3'],
        ['BT-GOOD-0002-c1', 'ActiveRetract report BT-GOOD-0002-c1Correct report BT-GOOD-0002-c1', '40'],
      ]);
    const stored = await sql(
      `SELECT o.status, o.status_reason, n.report_id, n.status AS new_status, n.count
       FROM letter_report o JOIN letter_report n ON n.id = o.superseded_by_id WHERE o.report_id = 'BT-GOOD-0002'`,
    );
    expect(stored).toEqual([
      { status: 'SUPERSEDED', status_reason: 'The group counted 40 letters', report_id: 'BT-GOOD-0002-c1', new_status: 'ACTIVE', count: 40 },
    ]);
  });

  it('shows the page in Spanish and on a phone without sideways scrolling', async () => {
    const page = await dashboard().signIn('staff', { path: '/?page=reports', viewport: { width: 375, height: 800 } });
    await page.getByRole('heading', { level: 2, name: 'Recent reports' }).waitFor();
    await page.locator('caption', { hasText: 'Reports, most recently stored first' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await screenshot(page, 'reports-phone');
    await page.getByRole('button', { name: /^Correct report / }).first().click();
    await page.getByRole('dialog').waitFor();
    await screenshot(page, 'reports-phone-dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);

    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Informes' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Informes recientes' }).waitFor();
    await page.getByRole('button', { name: 'Solo comprobar (prueba)' }).waitFor();
    await screenshot(page, 'reports-phone-es');
  });

  it('is not offered to a coordinator', async () => {
    const page = await dashboard().signIn('coordinator', { path: '/?page=reports' });
    await page.waitForURL((url) => !url.search.includes('page=reports'));
    const links = await page.getByRole('navigation', { name: 'Dashboard pages' }).getByRole('link').allTextContents();
    expect(links).not.toContain('Reports');
    await expect(page.getByRole('heading', { name: 'Import a CSV file' }).count()).resolves.toBe(0);
  });
});
