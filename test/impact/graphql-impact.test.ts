import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

let db: TestDatabase;
let app: RunningApp;

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(
    db.dataSource,
    campaign(2023, { writingStarts: '2023-11-20' }),
    campaign(2024, {
      writingStarts: '2024-11-25',
      timezone: 'America/Chicago',
      cases: [
        {
          slug: 'ana-ruiz', name: 'Ana Ruiz', country: 'MX', theme: 'HUMAN_RIGHTS_DEFENDER',
          outcomes: [{ date: '2025-03-01', kind: 'released', note: 'Freed' }],
        },
        { slug: 'li-wen', name: 'Li Wen', country: 'CN', theme: 'PRISONER_OF_CONSCIENCE' },
      ],
    }),
  );
  await givenReports(db.dataSource, [
    // 2024, Chicago time: 2024-12-10T03:00Z is still 9 December there
    report({ year: 2024, count: 10, reportedAt: '2024-12-10T03:00:00Z', groupRef: 'G1', groupName: 'Group One', groupType: 'SCHOOL' }),
    report({ year: 2024, count: 5, reportedAt: '2024-12-10T12:00:00-06:00', groupRef: 'G1', country: 'CA' }),
    report({ year: 2024, count: 7, reportedAt: '2024-12-12T18:00:00Z', caseSlug: 'li-wen', country: 'US' }),
    // 2023, London time
    report({ year: 2023, count: 4, reportedAt: '2023-11-20T10:00:00Z' }),
    report({ year: 2023, count: 6, reportedAt: '2023-11-22T10:00:00Z' }),
  ]);
  app = await startApp(db.dataSource);
});

afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

describe('Query.campaigns and campaign(year)', () => {
  it('lists campaigns oldest first, with cases and dated outcomes', async () => {
    const { data, errors } = await app.graphql(`{
      campaigns { year goal }
      campaign(year: 2024) { name timezone cases { slug name country theme outcomes { date kind note positive } } }
      missing: campaign(year: 1999) { name }
    }`);
    expect(errors).toBeUndefined();
    expect(data.campaigns).toEqual([{ year: 2023, goal: 1000 }, { year: 2024, goal: 1000 }]);
    expect(data.campaign.timezone).toBe('America/Chicago');
    expect(data.campaign.cases[0]).toEqual({
      slug: 'ana-ruiz', name: 'Ana Ruiz', country: 'MX', theme: 'HUMAN_RIGHTS_DEFENDER',
      outcomes: [{ date: '2025-03-01', kind: 'RELEASED', note: 'Freed', positive: true }],
    });
    expect(data.missing).toBeNull();
  });
});

describe('Query.impact', () => {
  it('totals actions, reports, distinct groups and countries of one year', async () => {
    const { data } = await app.graphql(`{ impact(filter: { year: 2024 }) { totalActions reportCount groupCount countryCount } }`);
    expect(data.impact).toEqual({ totalActions: 22, reportCount: 3, groupCount: 1, countryCount: 2 });
  });

  it("buckets days in the campaign's time zone and includes days without reports", async () => {
    const { data } = await app.graphql(`{ impact(filter: { year: 2024 }) { daily { date actions cumulative } } }`);
    expect(data.impact.daily).toEqual([
      { date: '2024-12-09', actions: 10, cumulative: 10 },
      { date: '2024-12-10', actions: 5, cumulative: 15 },
      { date: '2024-12-11', actions: 0, cumulative: 15 },
      { date: '2024-12-12', actions: 7, cumulative: 22 },
    ]);
  });

  it('combines filter fields with AND; an empty list matches nothing', async () => {
    const { data } = await app.graphql(`{
      usOnly: impact(filter: { year: 2024, countries: ["US"] }) { totalActions }
      usOrCa: impact(filter: { year: 2024, countries: ["US", "CA"], from: "2024-12-10", to: "2024-12-10" }) { totalActions }
      none: impact(filter: { year: 2024, countries: [] }) { totalActions reportCount daily { date } }
    }`);
    expect(data.usOnly.totalActions).toBe(17);
    expect(data.usOrCa.totalActions).toBe(5);
    expect(data.none).toEqual({ totalActions: 0, reportCount: 0, daily: [] });
  });

  it('answers a malformed id with BAD_USER_INPUT naming the field', async () => {
    const { errors } = await app.graphql(`{ impact(filter: { caseIds: ["1; DROP TABLE campaign"] }) { totalActions } }`);
    expect(errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(errors[0].message).toContain('filter.caseIds');
  });
});

describe('Query.yearComparison', () => {
  it('aligns years on days since writing started', async () => {
    const { data } = await app.graphql(`{ yearComparison(years: [2023, 2024]) { year total points { day date actions cumulative } } }`);
    const [y2023, y2024] = data.yearComparison;
    expect(y2023.total).toBe(10);
    expect(y2023.points).toEqual([
      { day: 0, date: '2023-11-20', actions: 4, cumulative: 4 },
      { day: 1, date: '2023-11-21', actions: 0, cumulative: 4 },
      { day: 2, date: '2023-11-22', actions: 6, cumulative: 10 },
    ]);
    expect(y2024.total).toBe(22);
    expect(y2024.points[0]).toEqual({ day: 14, date: '2024-12-09', actions: 10, cumulative: 10 });
  });

  it('aligns on the calendar from 1 December, and returns an empty series for a year without reports', async () => {
    const { data } = await app.graphql(`{ yearComparison(years: [2024, 2020], align: CALENDAR_DATE) { year total points { day } } }`);
    expect(data.yearComparison[0].points.map((p: { day: number }) => p.day)).toEqual([8, 9, 10, 11]);
    expect(data.yearComparison[1]).toEqual({ year: 2020, total: 0, points: [] });
  });

  it('takes align: null as the default, campaign days (design §5: `align: Alignment = CAMPAIGN_DAY`)', async () => {
    const document = `query($align: Alignment) { yearComparison(years: [2024], align: $align) { year points { day } } }`;
    const { data, errors } = await app.graphql(document, { align: null });
    expect(errors).toBeUndefined();
    expect(data.yearComparison[0].points[0].day).toBe(14);
  });
});

describe('GET /healthz and /readyz', () => {
  it('say the database is up and every migration applied', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'up' });
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect((await ready.json()).status).toBe('ready');
    expect(ready.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
