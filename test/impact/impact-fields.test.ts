import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastFinal } from '../../server/modules/impact/forecast';
import { campaignProgress } from '../../server/modules/impact/progress.service';
import { ImpactService, uncached } from '../../server/modules/impact/impact.service';
import { Campaign } from '../../server/modules/campaigns/campaign.entity';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

let db: TestDatabase;
let app: RunningApp;

const group = (ref: string, type = 'LOCAL_GROUP') => ({ groupRef: ref, groupName: `Group ${ref}`, groupType: type as 'LOCAL_GROUP' });

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2023, { goal: 100 }), campaign(2024, { goal: 200 }));
  await givenReports(db.dataSource, [
    // 2023: 60 before or on day 5, 40 later; one report two days before writing started
    report({ year: 2023, count: 10, reportedAt: '2023-11-18T12:00:00Z' }),
    report({ year: 2023, count: 50, reportedAt: '2023-11-25T12:00:00Z', ...group('A') }),
    report({ year: 2023, count: 40, reportedAt: '2023-12-20T12:00:00Z', ...group('B') }),
    // 2024
    report({ year: 2024, count: 30, reportedAt: '2024-11-21T12:00:00Z', country: 'DE', region: 'Europe and Central Asia', subdivision: 'DE-BY', ...group('A') }),
    report({ year: 2024, count: 30, reportedAt: '2024-11-22T12:00:00Z', country: 'FR', region: 'Europe and Central Asia', actionType: 'EMAIL', ...group('B', 'SCHOOL') }),
    report({ year: 2024, count: 20, reportedAt: '2024-11-23T12:00:00Z', caseSlug: 'li-wen', country: 'US', subdivision: 'US-IL', ...group('C') }),
    report({ year: 2024, count: 5, reportedAt: '2024-11-24T12:00:00Z', caseSlug: 'li-wen', actionType: 'SMS', ...group('D', 'SCHOOL') }),
    report({ year: 2024, count: 5, reportedAt: '2024-11-24T13:00:00Z', country: 'MX', actionType: 'SOLIDARITY' }),
  ]);
  app = await startApp(db.dataSource);
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

describe('Query.impact breakdowns', () => {
  it('gives every breakdown with labels, sorted by actions then key', async () => {
    const { data, errors } = await app.graphql(`{ impact(filter: { year: 2024 }) {
      totalActions reportCount groupCount countryCount
      byCase { case { slug name } actions reports }
      byCountry { key label actions reports }
      byCaseCountry { key label actions }
      byRegion { key label actions }
      bySubdivision { key label actions }
      byActionType { key label actions }
      byGroupType { key label actions }
    } }`);
    expect(errors).toBeUndefined();
    const i = data.impact;
    expect([i.totalActions, i.reportCount, i.groupCount, i.countryCount]).toEqual([90, 5, 4, 4]);
    expect(i.byCase).toEqual([
      { case: { slug: 'ana-ruiz', name: 'Ana Ruiz' }, actions: 65, reports: 3 },
      { case: { slug: 'li-wen', name: 'Li Wen' }, actions: 25, reports: 2 },
    ]);
    // DE and FR tie at 30: the key decides
    expect(i.byCountry.map((t: { key: string; actions: number }) => [t.key, t.actions])).toEqual([['DE', 30], ['FR', 30], ['US', 25], ['MX', 5]]);
    expect(i.byCountry[0].label).toBe('Germany');
    expect(i.byCaseCountry).toEqual([{ key: 'MX', label: 'Mexico', actions: 65 }, { key: 'CN', label: 'China', actions: 25 }]);
    expect(i.byRegion).toEqual([{ key: 'Europe and Central Asia', label: 'Europe and Central Asia', actions: 60 }, { key: 'Americas', label: 'Americas', actions: 30 }]);
    expect(i.bySubdivision).toEqual([
      { key: '', label: 'Not given', actions: 40 },
      { key: 'DE-BY', label: 'DE-BY', actions: 30 },
      { key: 'US-IL', label: 'US-IL', actions: 20 },
    ]);
    expect(i.byActionType).toEqual([
      { key: 'LETTER', label: 'Letter', actions: 50 },
      { key: 'EMAIL', label: 'Email', actions: 30 },
      { key: 'SMS', label: 'SMS', actions: 5 },
      { key: 'SOLIDARITY', label: 'Solidarity', actions: 5 },
    ]);
    expect(i.byGroupType).toEqual([
      { key: 'LOCAL_GROUP', label: 'Local group', actions: 50 },
      { key: 'SCHOOL', label: 'School', actions: 35 },
      { key: 'INDIVIDUAL', label: 'Individual', actions: 5 },
    ]);
  });

  it('pages topGroups with cursors, each group once, ties broken by id, first at most 100', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let page = 0; page < 5; page++) {
      const { data }: any = await app.graphql(
        `query($after: String) { impact(filter: { year: 2024 }) { topGroups(first: 3, after: $after) {
          totalCount edges { cursor node { group { ref } actions } } pageInfo { hasNextPage endCursor } } } }`,
        { after },
      );
      const t = data.impact.topGroups;
      totalCount = t.totalCount;
      seen.push(...t.edges.map((e: { node: { group: { ref: string }; actions: number } }) => `${e.node.group.ref}:${e.node.actions}`));
      if (!t.pageInfo.hasNextPage) break;
      after = t.pageInfo.endCursor;
    }
    expect(totalCount).toBe(4);
    expect(seen).toEqual(['A:30', 'B:30', 'C:20', 'D:5']);
    const tooMany = await app.graphql(`{ impact(filter: { year: 2024 }) { topGroups(first: 500) { totalCount } } }`);
    expect(tooMany.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const badCursor = await app.graphql(`{ impact(filter: { year: 2024 }) { topGroups(after: "nonsense") { totalCount } } }`);
    expect(badCursor.errors[0].message).toContain('cursor');
  });

  it('answers an empty filter result with zeros and empty lists', async () => {
    const { data } = await app.graphql(`{ impact(filter: { year: 2024, regions: ["Africa"] }) {
      totalActions reportCount groupCount countryCount byCase { actions } byCountry { key } daily { date } topGroups { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } } }`);
    expect(data.impact).toEqual({
      totalActions: 0, reportCount: 0, groupCount: 0, countryCount: 0, byCase: [], byCountry: [], daily: [],
      topGroups: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
    });
  });

  it('carries the data version and time in the answer and in extensions.freshness', async () => {
    const res = await app.graphql(`{ impact(filter: { year: 2024 }) { dataVersion asOf } }`);
    expect(res.data.impact.dataVersion).toBeGreaterThan(1);
    expect(Date.parse(res.data.impact.asOf)).toBeGreaterThan(Date.now() - 60_000);
    expect((res as any).extensions.freshness.dataVersion).toBe(res.data.impact.dataVersion);
  });
});

describe('Query.yearComparison', () => {
  it('puts reports made before writing started on negative campaign days', async () => {
    const { data } = await app.graphql(`{ yearComparison(years: [2023]) { points { day date actions } } }`);
    expect(data.yearComparison[0].points.slice(0, 3)).toEqual([
      { day: -2, date: '2023-11-18', actions: 10 },
      { day: -1, date: '2023-11-19', actions: 0 },
      { day: 0, date: '2023-11-20', actions: 0 },
    ]);
  });
});

describe('Campaign.cases totals', () => {
  it('gives each case its actions and reports', async () => {
    const { data } = await app.graphql(`{ campaign(year: 2024) { cases { slug actions reports } } }`);
    expect(data.campaign.cases).toEqual([
      { slug: 'ana-ruiz', actions: 65, reports: 3 },
      { slug: 'li-wen', actions: 25, reports: 2 },
    ]);
  });
});

describe('Campaign.progress', () => {
  const at = async (iso: string, filter = {}) =>
    campaignProgress(db.dataSource, new ImpactService(uncached(db.dataSource)), await db.dataSource.getRepository(Campaign).findOneByOrFail({ year: 2024 }), filter, new Date(iso));
  /** Last year's figures of progress, asked of an app whose clock stands at `iso`. */
  const lastYearAt = async (iso: string) => {
    const clocked = await startApp(db.dataSource, { clock: () => new Date(iso) });
    try {
      const { data, errors } = await clocked.graphql(`{ campaign(year: 2024) { progress { lastYearSameDay changeVsLastYear } } }`);
      expect(errors).toBeUndefined();
      return data.campaign.progress;
    } finally {
      await clocked.stop();
    }
  };

  it('compares with last year at the same campaign day and projects the final total while the campaign runs', async () => {
    const p = await at('2024-11-25T12:00:00Z'); // day 5
    expect(p).toMatchObject({ asOf: '2024-11-25', campaignDay: 5, final: false, totalActions: 90, goal: 200, lastYear: 2023, lastYearFinal: 100 });
    expect(p.goalShare).toBeCloseTo(0.45);
    // 2023 had 60 of its final 100 by day 5
    const lastYear = await lastYearAt('2024-11-25T12:00:00Z');
    expect(lastYear.lastYearSameDay).toBe(60);
    expect(lastYear.changeVsLastYear).toBeCloseTo(0.5);
    expect(p.expectedShareByNow).toBeCloseTo(0.6);
    expect(p.forecast).toEqual({ expected: 150, low: 150, high: 150, basedOnYears: [2023] });
    expect(p.onPaceForGoal).toBe(false);
  });

  it('gives final figures and no projection once the reporting deadline has passed', async () => {
    const p = await at('2026-11-21T12:00:00Z');
    expect(p).toMatchObject({ asOf: '2025-01-31', final: true, totalActions: 90, forecast: { expected: 90, low: 90, high: 90 } });
    expect(await lastYearAt('2026-11-21T12:00:00Z')).toMatchObject({ lastYearSameDay: 100 });
  });

  it('is answered over GraphQL with a filter', async () => {
    const { data, errors } = await app.graphql(`{ campaign(year: 2024) { progress(filter: { regions: ["Americas"] }) { totalActions final lastYearFinal forecast { expected } } } }`);
    expect(errors).toBeUndefined();
    expect(data.campaign.progress).toEqual({ totalActions: 30, final: true, lastYearFinal: 100, forecast: { expected: 30 } });
  });

  it('gives the previous campaign by the same day under a filter, agreeing with lastYearSameDay; none for a case', async () => {
    const { data, errors } = await app.graphql(`{ campaign(year: 2024) { progress {
      campaignDay lastYearSameDay
      all: sameDayLastYear { year campaignDay date figures { totalActions } }
      americas: sameDayLastYear(filter: { regions: ["Americas"] }) { figures { totalActions } }
      oneCase: sameDayLastYear(filter: { caseIds: ["1"] }) { year }
      early: sameDayLastYear(filter: { to: "2024-11-23" }) { campaignDay date }
    } } }`);
    expect(errors).toBeUndefined();
    const { campaignDay, lastYearSameDay, all, americas, oneCase } = data.campaign.progress;
    expect(all).toMatchObject({ year: 2023, campaignDay, figures: { totalActions: lastYearSameDay } });
    expect(all.date).toBe(new Date(Date.parse('2023-11-20') + campaignDay * 86_400_000).toISOString().slice(0, 10));
    const region = await app.graphql(`query ($to: Date!) { impact(filter: { year: 2023, regions: ["Americas"], to: $to }) { totalActions } }`, { to: all.date });
    expect(americas.figures.totalActions).toBe(region.data.impact.totalActions);
    expect(oneCase).toBeNull();
    // a filter ending before the progress's day: compared at its last day, and that day is named
    // (it said the progress's day, 72, beside 23 Nov 2023)
    expect(data.campaign.progress.early).toEqual({ campaignDay: 3, date: '2023-11-23' });
  });
});

describe('CampaignProgress.sameDayLastYear.change', () => {
  it("gives this campaign's four counters against the previous one's by the same day, under the same filter", async () => {
    const { data, errors } = await app.graphql(`{
      impact(filter: { year: 2024 }) { totalActions reportCount groupCount countryCount }
      campaign(year: 2024) { progress { sameDayLastYear { figures { totalActions reportCount groupCount countryCount }
        change { totalActions reportCount groupCount countryCount } } } }
    }`);
    expect(errors).toBeUndefined();
    const { figures, change } = data.campaign.progress.sameDayLastYear;
    // the campaign is over (day 72): 90 actions against 2023's 100
    expect(change.totalActions).toBeCloseTo(-0.1);
    for (const key of ['reportCount', 'groupCount', 'countryCount']) {
      expect(change[key], key).toBeCloseTo((data.impact[key] - figures[key]) / figures[key]);
    }
  });
});

describe('Query.sameDayComparison', () => {
  const COMPARE = `query($day: Int) { sameDayComparison(baseYear: 2024, years: [2023], day: $day, filter: { year: 2024 }) {
    baseYear day years { year date actions baseVsThis } } }`;

  it("compares at the base year's last day with data unless asked another, newest first, with the base against each", async () => {
    const { data, errors } = await app.graphql(COMPARE);
    expect(errors).toBeUndefined();
    // 2024's last report is on day 4 (90 actions); 2023 had only its early 10 by then
    expect(data.sameDayComparison).toEqual({
      baseYear: 2024,
      day: 4,
      years: [
        { year: 2024, date: '2024-11-24', actions: 90, baseVsThis: null },
        { year: 2023, date: '2023-11-24', actions: 10, baseVsThis: 8 },
      ],
    });
    // day 5: the same figures as progress's lastYearSameDay and changeVsLastYear
    const day5 = (await app.graphql(COMPARE, { day: 5 })).data.sameDayComparison;
    expect(day5.years[1]).toMatchObject({ year: 2023, actions: 60, baseVsThis: 0.5 });
  });
});

describe('forecastFinal', () => {
  it('takes the median projection and the range over past years, skipping years under 5% by this day', () => {
    const f = forecastFinal(1000, [
      { year: 2020, atDay: 250, final: 1000 }, // 25% → 4000
      { year: 2021, atDay: 500, final: 1000 }, // 50% → 2000
      { year: 2022, atDay: 400, final: 1000 }, // 40% → 2500
      { year: 2023, atDay: 10, final: 1000 }, // 1%: left out
    ], false);
    expect(f).toEqual({ expected: 2500, low: 2000, high: 4000, basedOnYears: [2020, 2021, 2022], expectedShareByNow: 0.4 });
    expect(forecastFinal(1000, [{ year: 2023, atDay: 0, final: 1000 }], false)).toBeNull();
  });
});

describe('request limits', () => {
  it('refuses a query nested too deep and one with too many aliases', async () => {
    expect((await app.graphql(`{ campaigns { cases { outcomes { id } } } }`)).errors).toBeUndefined();
    let nested = 'id';
    for (let i = 0; i < 15; i++) nested = `supersededBy { ${nested} }`;
    const tooDeep = await app.graphql(`{ report(reportId: "x") { ${nested} } }`);
    expect(tooDeep.errors[0].message).toMatch(/depth/i);
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: campaigns { year }`).join(' ');
    const tooWide = await app.graphql(`{ ${aliases} }`);
    expect(tooWide.errors[0].message).toMatch(/alias/i);
  });
});
