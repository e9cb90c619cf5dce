import { describe, expect, it } from 'vitest';
import { screenshot, useDashboard } from './support/browser';

// The trends page against the server's own year comparison.

const dashboard = useDashboard();

const en = new Intl.NumberFormat('en-GB');

interface Series {
  year: number;
  points: { day: number; date: string; cumulative: number }[];
}

async function comparison(years: number[], align: 'CAMPAIGN_DAY' | 'CALENDAR_DATE', filter: Record<string, unknown> = {}): Promise<Series[]> {
  const answer = await dashboard().app.graphql(
    `query ($years: [Int!]!, $align: Alignment!, $filter: ImpactFilter) {
       yearComparison(years: $years, align: $align, filter: $filter) { year points { day date cumulative } }
     }`,
    { years, align, filter },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data.yearComparison;
}

const at = (series: Series, day: number) => series.points.filter((p) => p.day <= day).at(-1)?.cumulative ?? 0;
const percent = (ratio: number) => {
  const rounded = Math.round(Math.abs(ratio) * 100);
  return rounded === 0 ? '0%' : `${ratio > 0 ? '+' : '\u2212'}${rounded}%`;
};

describe('trends', () => {
  it('compares the chosen years, aligned or by calendar date, and a reload keeps the choice', async () => {
    const page = await dashboard().signIn('staff', { path: '/?page=trends&year=2025' });
    const years = page.getByRole('group', { name: 'Years' });
    await years.getByLabel('2019').check();
    await page.waitForURL(/years=2025%2C2024%2C2023%2C2019/);
    await years.getByLabel('2024').uncheck();
    await page.waitForURL(/years=2025%2C2023%2C2019(&|$)/);
    await page.getByLabel(/Calendar date/).check();
    await page.waitForURL(/align=calendar/);
    await page.reload();
    await expect(years.getByLabel('2019').isChecked()).resolves.toBe(true);
    await expect(years.getByLabel('2024').isChecked()).resolves.toBe(false);
    await expect(page.getByLabel(/Calendar date/).isChecked()).resolves.toBe(true);

    // The chart's table holds the calendar-aligned series of the three years.
    const card = page.getByRole('region', { name: 'Cumulative actions, year by year' });
    await card.getByText('Show the data as a table').click();
    await card.getByRole('table').waitFor();
    await expect(card.locator('thead th').allTextContents()).resolves.toEqual(['Day', 'Date (2025)', '2025', '2023', '2019']);
    const series = await comparison([2025, 2023, 2019], 'CALENDAR_DATE');
    const firstRow = await card.locator('tbody tr').first().locator('th, td').allTextContents();
    const firstDay = Number(firstRow[0]);
    expect(firstDay).toBe(Math.min(0, ...series.map((s) => s.points[0].day)));
    expect(firstRow.slice(2)).toEqual(series.map((s) => en.format(at(s, firstDay))));
    // The chart is drawn once its code arrives: wait for it, then count the lines.
    await card.locator('.recharts-line-curve').nth(2).waitFor();
    await expect(card.locator('.recharts-line-curve').count()).resolves.toBe(3);
    await screenshot(page, 'trends-staff-desktop');

    // Back to campaign days: another history entry.
    await page.getByLabel(/Campaign day/).check();
    await page.waitForURL((url) => !url.search.includes('align='));
    await page.goBack();
    await page.waitForURL(/align=calendar/);
  });

  it('gives each year’s total at the same day and the base year against each', async () => {
    const page = await dashboard().signIn('staff', { path: '/?page=trends&year=2025&years=2025,2023,2014' });
    const series = await comparison([2025, 2023, 2014], 'CAMPAIGN_DAY');
    const base = series[0];
    // The campaign is over: the default day is its last day with data.
    const day = base.points.at(-1)!.day;
    const input = page.getByLabel('As of day');
    await expect(input.inputValue()).resolves.toBe(String(day));

    const expectedRows = (d: number) =>
      series.map((s) => [
        String(s.year),
        en.format(at(s, d)),
        s.year === 2025 ? 'base year' : percent(at(base, d) / at(s, d) - 1),
      ]);
    const table = page.getByRole('table', { name: /of each year/ });
    // the table's figures come with their own answer (sameDayComparison), after the day's input shows
    const shown = () =>
      table.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => {
          const cells = [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '');
          return [cells[0], cells[2], cells[3]];
        }),
      );
    await expect.poll(shown).toEqual(expectedRows(day));

    await input.fill('20');
    await page.waitForURL(/day=20/);
    await expect.poll(shown).toEqual(expectedRows(20));
    await page.reload();
    await expect(page.getByLabel('As of day').inputValue()).resolves.toBe('20');
    await expect.poll(shown).toEqual(expectedRows(20));
  });

  it('drops bad values from the address', async () => {
    const page = await dashboard().signIn('staff', { path: '/?page=trends&year=2025&years=2019,abc,1999&align=sideways&day=x1' });
    await page.waitForURL((url) => url.search === '?page=trends&year=2025&years=2019');
    await expect(page.getByRole('group', { name: 'Years' }).getByLabel('2019').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel(/Campaign day/).isChecked()).resolves.toBe(true);
  });

  it('shows a coordinator their region’s years, on a phone too', async () => {
    const page = await dashboard().signIn('coordinator', { path: '/?page=trends&year=2025' });
    const series = await comparison([2025, 2024, 2023], 'CAMPAIGN_DAY', { regions: ['Americas'] });
    const day = series[0].points.at(-1)!.day;
    const table = page.getByRole('table', { name: /of each year/ });
    await expect(table.locator('tbody tr').first().locator('td').nth(1).textContent()).resolves.toBe(en.format(at(series[0], day)));
    await screenshot(page, 'trends-coordinator-desktop');
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'trends-coordinator-phone');
    const staff = await dashboard().signIn('staff', { path: '/?page=trends&year=2025', viewport: { width: 375, height: 800 } });
    await staff.getByRole('table', { name: /of each year/ }).waitFor();
    await screenshot(staff, 'trends-staff-phone');
  });
});
