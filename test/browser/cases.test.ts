import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, useDashboard } from './support/browser';
import { seriousAxeViolations } from './support/axe';

// The cases and outcomes page against the server's own answers: the list's figures, choosing a case
// (the shared `case=` filter, kept by a reload), its actions by type adding up to its total, its
// outcome timeline, the figures across campaigns, a coordinator's scope, Spanish, and a phone.



const dashboard = useDashboard();

const CASES = `query($year: Int!, $filter: ImpactFilter!) {
  campaign(year: $year) { cases { id name outcomes { date kind } } }
  impact(filter: $filter) { byCase { case { id name } actions reports } byActionType { key actions } }
}`;

interface CaseAnswer {
  campaign: { cases: { id: string; name: string; outcomes: { date: string; kind: string }[] }[] };
  impact: { byCase: { case: { id: string; name: string }; actions: number; reports: number }[]; byActionType: { key: string; actions: number }[] };
}

async function ask(year: number, filter: Record<string, unknown> = {}, token?: string): Promise<CaseAnswer> {
  const answer = await dashboard().app.graphql<CaseAnswer>(CASES, { year, filter: { year, ...filter } }, token);
  expect(answer.errors).toBeUndefined();
  return answer.data;
}

/** "12,345" (en-GB) or "12.345" (es) as a number. */
const figure = (text: string) => Number(text.replace(/[^\d]/g, ''));

/** The case list's rows as [name, actions, reports]. */
async function listedFigures(page: Page, year: number): Promise<[string, number, number][]> {
  const table = page.getByRole('table', { name: `Cases of the ${year} campaign, actions and reports under the filters` });
  await table.waitFor();
  const rows = await table.locator('tbody tr').all();
  return Promise.all(
    rows.map(async (row) => {
      const cells = await row.locator('th, td').allInnerTexts();
      return [cells[0].replace(/ \(shown below\)$/, '').trim(), figure(cells[2]), figure(cells[3])] as [string, number, number];
    }),
  );
}

function expected(answer: CaseAnswer): [string, number, number][] {
  const totals = new Map(answer.impact.byCase.map((row) => [row.case.id, row]));
  return answer.campaign.cases
    .map((c): [string, number, number] => [c.name, totals.get(c.id)?.actions ?? 0, totals.get(c.id)?.reports ?? 0])
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'));
}

/** A chart card's folded table, opened, as rows of cell texts (header row first). */
async function chartTable(card: Locator): Promise<string[][]> {
  await card.getByText('Show the data as a table').click();
  await card.getByRole('table').waitFor();
  const rows = await card.locator('table tr').all();
  return Promise.all(rows.map((row) => row.locator('th, td').allInnerTexts()));
}

describe('cases and outcomes page', () => {
  it('lists the campaign’s cases with the server’s figures, then shows a chosen case that a reload keeps', async () => {
    const page = await dashboard().signIn('staff', { path: '/?page=cases&year=2014' });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.getByRole('heading', { level: 1, name: 'Cases and outcomes' }).waitFor();
    const answer = await ask(2014);
    expect(await listedFigures(page, 2014)).toEqual(expected(answer));
    expect(answer.campaign.cases.length).toBeGreaterThan(5);

    const raif = answer.campaign.cases.find((c) => c.name === 'Raif Badawi')!;
    await page.getByRole('button', { name: 'Raif Badawi', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('case') === raif.id);
    // The detail heading takes the focus, so a keyboard or screen reader user lands on it.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Raif Badawi');
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Raif Badawi', exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('case')).toBe(raif.id);
    await expect(page.getByRole('button', { name: /^Raif Badawi/ }).getAttribute('aria-pressed')).resolves.toBe('true');

    // Actions by type: each type's column and the total column add up to the server's figures.
    const total = answer.impact.byCase.find((row) => row.case.id === raif.id)!.actions;
    expect(total).toBeGreaterThan(0);
    const byType = (await ask(2014, { caseIds: [raif.id] })).impact.byActionType;
    const card = page.getByRole('region', { name: 'Actions over time by type: Raif Badawi' });
    await card.locator('.recharts-bar-rectangle').first().waitFor();
    const [header, ...rows] = await chartTable(card);
    expect(header.at(-1)).toBe('Total');
    expect(rows.reduce((sum, row) => sum + figure(row.at(-1)!), 0)).toBe(total);
    const typeLabels: Record<string, string> = { LETTER: 'Letters', SOLIDARITY: 'Solidarity messages', EMAIL: 'Emails', PETITION: 'Petition signatures', SMS: 'Text messages', SOCIAL: 'Social media posts', FAX: 'Faxes', OTHER: 'Other actions' };
    expect(header.slice(1, -1)).toEqual(
      byType.map((t) => t.key).sort((a, b) => Object.keys(typeLabels).indexOf(a) - Object.keys(typeLabels).indexOf(b)).map((k) => typeLabels[k]),
    );
    for (const { key, actions } of byType) {
      const column = header.indexOf(typeLabels[key]);
      expect(rows.reduce((sum, row) => sum + figure(row[column]), 0), key).toBe(actions);
    }

    // The timeline lists every outcome of the case, among the campaign's dates.
    const timeline = page.getByRole('region', { name: 'Outcome timeline: Raif Badawi' });
    const entries = await timeline.locator('li').allInnerTexts();
    expect(entries.filter((text) => /^result$/im.test(text))).toHaveLength(raif.outcomes.length);
    expect(entries.join('\n')).toMatch(/9 Jan 2015\s+result\s+![\s\S]*Setback/i);
    expect(entries.join('\n')).toMatch(/11 Mar 2022\s+result\s+✓[\s\S]*Released/i);
    expect(entries.join('\n')).toMatch(/1 Dec 2014\s+(Campaign date:\s+)?Writing period starts/);
    expect(entries.join('\n')).toMatch(/31 Jan 2015\s+(Campaign date:\s+)?Reporting deadline/);
    await screenshot(page, 'cases-staff');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('calls an outcome before writing started context, not a result, and keeps it off the badge', async () => {
    const answer = await ask(2013);
    const yorm = answer.campaign.cases.find((c) => c.name === 'Yorm Bopha')!;
    const page = await dashboard().signIn('staff', { path: `/?page=cases&year=2013&case=${yorm.id}` });
    const timeline = page.getByRole('region', { name: 'Outcome timeline: Yorm Bopha' });
    await expect(timeline.locator('li').first().innerText()).resolves.toMatch(/^22 Nov 2013\s+context[\s\S]*Released/i);
    const row = page.locator('tr', { has: page.getByRole('button', { name: /^Yorm Bopha/ }) });
    await expect(row.locator('td').last().innerText()).resolves.toBe('No outcome yet');
  });

  it('shows each campaign’s outcome rate as the server counts it', async () => {
    const { data } = await dashboard().app.graphql<{ outcomeSummary: { byYear: { year: number; casesFeatured: number; casesWithPositiveOutcome: number }[] } }>(
      '{ outcomeSummary { byYear { year casesFeatured casesWithPositiveOutcome } } }',
    );
    const page = await dashboard().signIn('staff', { path: '/?page=cases' });
    const [, ...rows] = await chartTable(page.getByRole('region', { name: 'Outcome rate per campaign' }));
    expect(rows.map((row) => [Number(row[0]), figure(row[1]), figure(row[2])])).toEqual(
      data.outcomeSummary.byYear.map((y) => [y.year, y.casesFeatured, y.casesWithPositiveOutcome]),
    );
    const versus = page.getByRole('region', { name: 'Actions against outcomes' });
    await expect(versus.locator('.chart-card__summary').innerText()).resolves.toMatch(/correlation, not a cause/);
  });

  it('gives a coordinator their own regions’ figures only', async () => {
    const token = await dashboard().app.userToken('coordinator', ['Americas']);
    const page = await dashboard().signIn('coordinator', { path: '/?page=cases&year=2014' });
    const scoped = await ask(2014, {}, token);
    const listed = await listedFigures(page, 2014);
    expect(listed).toEqual(expected(scoped));
    expect(listed.reduce((sum, row) => sum + row[1], 0)).toBeLessThan(expected(await ask(2014)).reduce((sum, row) => sum + row[1], 0));
    await page.getByRole('button', { name: 'Women and girls of El Salvador (Las 17)' }).click();
    await page.getByRole('region', { name: /^Actions over time by type/ }).locator('.recharts-bar-rectangle').first().waitFor();
    await screenshot(page, 'cases-coordinator');
  });

  it('speaks Spanish and fits a phone', async () => {
    const answer = await ask(2014);
    const moses = answer.campaign.cases.find((c) => c.name === 'Moses Akatugba')!;
    for (const role of ['staff', 'coordinator'] as const) {
      const page = await dashboard().signIn(role, { path: `/?page=cases&year=2014&case=${moses.id}`, viewport: { width: 375, height: 800 } });
      await page.getByLabel('Language').selectOption('es');
      await page.getByRole('heading', { level: 1, name: 'Casos y resultados' }).waitFor();
      await page.getByRole('table', { name: /^Casos de la campaña 2014/ }).waitFor();
      await expect(page.getByRole('columnheader', { name: 'País del caso' }).count()).resolves.toBe(1);
      const timeline = page.getByRole('region', { name: 'Cronología de resultados: Moses Akatugba' });
      await expect(timeline.innerText()).resolves.toMatch(/28 may\.? 2015\s+resultado\s+✓[\s\S]*Liberación/i);
      await page.getByRole('region', { name: /^Acciones a lo largo del tiempo por tipo/ }).locator('.recharts-bar-rectangle').first().waitFor();
      await page.getByRole('region', { name: 'Tasa de resultados por campaña' }).waitFor();
      await screenshot(page, `cases-${role}-phone-es`);
      // Nothing wider than the screen: wide tables scroll inside their own box.
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    }
  });
});
