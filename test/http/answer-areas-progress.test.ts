import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../client/filters/filter-params';
import { OVERVIEW_FIGURES_QUERY, showsGoal } from '../../client/pages/overview/queries';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { startApp, type RunningApp } from '../support/http';

// The overview's "same day last year" reads the year before; the day it compares at is today while
// the campaign runs (no write moves it), and the last report's day once the campaign is final.

let db: TestDatabase;
/** During the 2024 campaign, and after its reporting deadline. */
let running: RunningApp;
let finished: RunningApp;

const SAME_DAY = `query($filter: ImpactFilter!) {
  campaign(year: 2024) { year progress { sameDayLastYear(filter: $filter) { year campaignDay figures { totalActions } } } }
}`;
const BRAZIL = { year: 2024, countries: ['BR'] };

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2023), campaign(2024));
  await givenReports(db.dataSource, [
    report({ count: 10, country: 'BR', region: 'Americas' }),
    report({ count: 30, year: 2023, reportedAt: '2023-11-25T12:00:00Z', country: 'BR', region: 'Americas' }),
  ]);
  running = await startApp(db.dataSource, { clock: () => new Date('2024-12-15T12:00:00Z') });
  finished = await startApp(db.dataSource, { clock: () => new Date('2025-03-01T12:00:00Z') });
});
afterAll(async () => {
  await running?.stop();
  await finished?.stop();
  await db?.drop();
});

async function sameDay(app: RunningApp, token: string): Promise<{ day: number; lastYear: number; hit: boolean; version: number }> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: SAME_DAY, variables: { filter: BRAZIL } }),
  });
  const body = await res.json();
  expect(body.errors).toBeUndefined();
  const last = body.data.campaign.progress.sameDayLastYear;
  return { day: last.campaignDay, lastYear: last.figures.totalActions, hit: res.headers.get('x-answer-cache') === 'hit', version: body.extensions.freshness.dataVersion };
}

describe("the same day last year, cached by what it reads", () => {
  it('stays cached while the running campaign is written to, and follows a write to last year', async () => {
    const reader = await running.userToken('staff');
    const before = await sameDay(running, reader);
    expect(before).toMatchObject({ day: 25, lastYear: 30 });
    expect((await sameDay(running, reader)).hit).toBe(true);

    await givenReports(db.dataSource, [report({ count: 5, country: 'BR', region: 'Americas', reportedAt: '2024-12-14T12:00:00Z' })]);
    // served at the version of the write (the shared version advances within a second), from the cache
    expect(await eventually(() => sameDay(running, reader), (a) => a.version > before.version)).toMatchObject({ hit: true, day: 25, lastYear: 30 });

    await givenReports(db.dataSource, [report({ count: 4, year: 2023, reportedAt: '2023-11-26T12:00:00Z', country: 'BR', region: 'Americas' })]);
    expect(await eventually(() => sameDay(running, reader), (a) => a.lastYear === 34)).toMatchObject({ hit: false, day: 25, lastYear: 34 });
  });

  it('once the campaign is final, follows a late report that moves the day it stands at', async () => {
    const reader = await finished.userToken('staff');
    // the reporting deadline, 31 January: day 72 of a campaign that started on 20 November
    expect(await sameDay(finished, reader)).toMatchObject({ day: 72 });
    expect((await sameDay(finished, reader)).hit).toBe(true);
    await givenReports(db.dataSource, [report({ count: 1, country: 'BR', region: 'Americas', reportedAt: '2025-02-10T12:00:00Z' })]);
    expect(await eventually(() => sameDay(finished, reader), (a) => a.day === 82)).toMatchObject({ day: 82 });
  });
});

describe("the overview's figures", () => {
  async function figures(token: string, filter: object, withGoal: boolean): Promise<{ hit: boolean; version: number; goal: boolean }> {
    const res = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: print(OVERVIEW_FIGURES_QUERY), variables: { year: 2024, filter, withGoal } }),
    });
    const body = await res.json();
    expect(body.errors).toBeUndefined();
    return { hit: res.headers.get('x-answer-cache') === 'hit', version: body.extensions.freshness.dataVersion, goal: body.data.campaign.progress.totalActions !== undefined };
  }

  it("of a country stay cached under a report from another: they ask for the whole campaign's goal only where it shows", async () => {
    const reader = await running.userToken('staff');
    expect(showsGoal('staff', { ...NO_FILTERS, country: 'BR' })).toBe(false);
    expect(showsGoal('coordinator', NO_FILTERS)).toBe(false);
    expect(showsGoal('staff', NO_FILTERS)).toBe(true);
    const brazil = await figures(reader, BRAZIL, false);
    const whole = await figures(reader, { year: 2024 }, true);
    expect([brazil.goal, whole.goal]).toEqual([false, true]);
    await givenReports(db.dataSource, [report({ count: 2, country: 'PL', region: 'Europe and Central Asia', reportedAt: '2024-12-14T12:00:00Z' })]);
    expect(await eventually(() => figures(reader, BRAZIL, false), (a) => a.version > brazil.version)).toMatchObject({ hit: true });
    expect(await figures(reader, { year: 2024 }, true)).toMatchObject({ hit: false });
  });
});
