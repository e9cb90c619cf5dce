import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { ImpactService, uncached } from '../../server/modules/impact/impact.service';
import { groupsUpToSource, impactSource } from '../../server/modules/impact/impact-source';
import type { ImpactFilter } from '../../server/modules/impact/impact-filter.input';
import { removeFromRollups } from '../../server/modules/rollups/rollup-maintenance';
import { verifyRollups } from '../../server/modules/rollups/verify-rollups';
import { buildGroups, generateCampaignReports, random } from '../../seeds/generate-reports';
import { campaign, givenCampaigns, givenReports } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';

/**
 * For many random filters, every figure read from the summary tables equals the same figure
 * computed directly, and naively, from the raw reports.
 */
let db: TestDatabase;
const YEARS = [2023, 2024];
const CASES = ['ana-ruiz', 'li-wen', 'omar-haddad'];

beforeAll(async () => {
  db = await createTestDatabase();
  const cases = [
    { slug: 'ana-ruiz', name: 'Ana Ruiz', country: 'MX', theme: 'HUMAN_RIGHTS_DEFENDER' },
    { slug: 'li-wen', name: 'Li Wen', country: 'CN', theme: 'PRISONER_OF_CONSCIENCE' },
    { slug: 'omar-haddad', name: 'Omar Haddad', country: 'EG', theme: 'OTHER' },
  ];
  await givenCampaigns(db.dataSource, ...YEARS.map((y) => campaign(y, { cases, timezone: y === 2024 ? 'America/New_York' : 'Europe/Berlin' })));
  const groups = buildGroups({ seed: 3, groups: 150 }, 2023, 2024);
  for (const year of YEARS) {
    const rows = [...generateCampaignReports(
      { year, writingStarts: `${year}-11-20`, writingEnds: `${year}-12-31`, reportingDeadline: `${year + 1}-01-31`, cases: CASES.map((slug) => ({ slug })), targetActions: 40_000 },
      groups,
      { seed: 3 },
    )];
    await givenReports(db.dataSource, rows);
  }
  // retract and supersede a few, as staff do, so only active reports may count
  // and the first report of some groups in an area, so their first day there moves or goes
  await db.dataSource.transaction(async (m) => {
    const victims: { id: number }[] = await m.query(
      `(SELECT id FROM letter_report ORDER BY id LIMIT 40 OFFSET 100)
       UNION (SELECT DISTINCT ON (year, region, country, subdivision, group_id) id FROM letter_report
              WHERE group_id % 7 = 0 ORDER BY year, region, country, subdivision, group_id, day, id)`,
    );
    const ids = victims.map((v) => v.id);
    await removeFromRollups(m, ids);
    await m.query(
      `UPDATE letter_report SET status = 'RETRACTED', status_reason = 'test', status_changed_at = now() WHERE id = ANY($1)`,
      [ids],
    );
  });
});
afterAll(() => db?.drop());

function randomFilter(rand: () => number, values: Record<string, string[]>): ImpactFilter {
  const some = (list: string[]) => {
    const r = rand();
    if (r < 0.55) return undefined;
    if (r < 0.6) return [];
    return list.filter(() => rand() < 0.4).concat(list[Math.floor(rand() * list.length)]);
  };
  const filter: ImpactFilter = {};
  if (rand() < 0.7) filter.year = YEARS[Math.floor(rand() * YEARS.length)];
  filter.caseIds = some(values.caseIds);
  filter.caseCountries = some(['MX', 'CN', 'EG', 'FR']);
  filter.regions = some(values.regions);
  filter.countries = some(values.countries);
  filter.subdivisions = some(values.subdivisions);
  filter.groupIds = rand() < 0.1 ? values.groupIds.filter(() => rand() < 0.1) : undefined;
  filter.groupTypes = some(values.groupTypes) as ImpactFilter['groupTypes'];
  filter.actionTypes = some(values.actionTypes) as ImpactFilter['actionTypes'];
  if (rand() < 0.25) filter.from = `${filter.year ?? 2024}-12-0${1 + Math.floor(rand() * 9)}`;
  if (rand() < 0.25) filter.to = `${filter.year ?? 2024}-12-${10 + Math.floor(rand() * 20)}`;
  return filter;
}

/** The reference: a naive query over the raw reports, written independently of filterToSql. */
function naiveWhere(f: ImpactFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const parts = [`r.status = 'ACTIVE'`];
  if (f.year != null) parts.push(`r.year = ${p(f.year)}`);
  const list = (sql: (ph: string) => string, values?: string[] | null) => {
    if (values) parts.push(values.length ? sql(p(values)) : 'false');
  };
  list((ph) => `r.case_id::text = ANY(${ph})`, f.caseIds);
  list((ph) => `(SELECT country FROM "case" WHERE id = r.case_id) = ANY(${ph})`, f.caseCountries);
  list((ph) => `r.region = ANY(${ph})`, f.regions);
  list((ph) => `r.country = ANY(${ph})`, f.countries);
  list((ph) => `r.subdivision = ANY(${ph})`, f.subdivisions);
  list((ph) => `r.group_id::text = ANY(${ph})`, f.groupIds);
  list((ph) => `r.group_type = ANY(${ph})`, f.groupTypes);
  list((ph) => `r.action_type = ANY(${ph})`, f.actionTypes);
  if (f.from) parts.push(`r.day >= ${p(f.from)}`);
  if (f.to) parts.push(`r.day <= ${p(f.to)}`);
  return { where: parts.join(' AND '), params };
}

async function naive(ds: DataSource, f: ImpactFilter) {
  const { where, params } = naiveWhere(f);
  const q = (sql: string) => ds.query(sql, params);
  const breakdown = async (expr: string) =>
    (await q(`SELECT ${expr} AS key, sum(count)::int AS actions, count(*)::int AS reports FROM letter_report r WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1`))
      .map((r: { key: unknown; actions: number; reports: number }) => ({ key: String(r.key ?? ''), actions: r.actions, reports: r.reports }));
  const [t] = await q(`SELECT coalesce(sum(count), 0)::int AS actions, count(*)::int AS reports,
      count(DISTINCT group_id)::int AS groups, count(DISTINCT country)::int AS countries FROM letter_report r WHERE ${where}`);
  return {
    totals: { totalActions: t.actions, reportCount: t.reports },
    groupCount: t.groups,
    countryCount: t.countries,
    byCase: await breakdown('r.case_id'),
    byCountry: await breakdown('r.country'),
    byCaseCountry: await breakdown('(SELECT country FROM "case" WHERE id = r.case_id)'),
    byRegion: await breakdown('r.region'),
    bySubdivision: await breakdown(`coalesce(r.subdivision, '')`),
    byActionType: await breakdown('r.action_type'),
    byGroupType: await breakdown('r.group_type'),
    topGroups: (await q(`SELECT group_id, sum(count)::int AS actions FROM letter_report r WHERE ${where} AND group_id IS NOT NULL
        GROUP BY group_id ORDER BY 2 DESC, 1 LIMIT 15`)).map((r: { group_id: number; actions: number }) => [r.group_id, r.actions]),
    daily: (await q(`SELECT to_char(day, 'YYYY-MM-DD') AS date, sum(count)::int AS actions FROM letter_report r WHERE ${where} GROUP BY day ORDER BY day`))
      .map((r: { date: string; actions: number }) => [r.date, r.actions]),
  };
}

describe('impact from the summary tables', () => {
  it('reads the summary tables for the common filters and the raw reports only when none has the columns', () => {
    expect(impactSource({ year: 2024, regions: ['Americas'] }, []).table).toBe('rollup_region_case');
    expect(impactSource({ year: 2024, regions: ['Americas'] }, ['case_id']).table).toBe('rollup_region_case');
    expect(impactSource({ regions: ['Americas'] }, ['year', 'day']).table).toBe('rollup_region_daily');
    expect(impactSource({ year: 2024, countries: ['US'] }, []).table).toBe('rollup_daily');
    expect(impactSource({ year: 2024, caseIds: ['1'] }, ['action_type', 'day']).table).toBe('rollup_case_daily');
    expect(impactSource({ year: 2024, countries: ['US'] }, ['group_type']).table).toBe('rollup_area_case');
    expect(impactSource({ year: 2024 }, ['group_id']).table).toBe('rollup_group');
    expect(impactSource({ year: 2024, regions: ['Europe'] }, ['group_id']).table).toBe('rollup_region_group');
    expect(impactSource({ year: 2024 }, ['group_id'], 0, ['Europe', 'Africa']).table).toBe('rollup_region_group');
    expect(impactSource({ year: 2024, subdivisions: ['US-IL'] }, ['group_id']).table).toBe('rollup_area_group');
    expect(impactSource({ year: 2024, from: '2024-12-01' }, ['group_type']).table).toBe('letter_report');
    // distinct groups up to a day: from each group's first day per area
    expect(groupsUpToSource({ year: 2024, regions: ['Americas'], to: '2024-12-10' })?.from).toMatch(/rollup_group_first_day/);
    expect(groupsUpToSource({ year: 2024, from: '2024-12-01', to: '2024-12-10' })).toBeNull();
    expect(groupsUpToSource({ year: 2024, caseIds: ['1'], to: '2024-12-10' })).toBeNull();
  });

  it('keeps every summary table equal to the raw reports, first days included', async () => {
    expect(await verifyRollups(db.dataSource)).toEqual([]);
    const [{ emptied, moved }] = await db.dataSource.query(
      `SELECT count(*) FILTER (WHERE first_day IS NULL)::int AS emptied,
              count(*) FILTER (WHERE first_day IS NOT NULL AND group_id % 7 = 0)::int AS moved
       FROM rollup_group_first_day`,
    );
    expect(emptied).toBeGreaterThan(0);
    expect(moved).toBeGreaterThan(0);
  });

  it('counts distinct groups up to a day from the first days for 100 random area filters', async () => {
    const ds = db.dataSource;
    const areas: { region: string; country: string; subdivision: string | null }[] = await ds.query(
      `SELECT DISTINCT region, country, subdivision FROM letter_report ORDER BY 1, 2, 3`,
    );
    const service = new ImpactService(uncached(ds));
    const rand = random(7);
    const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
    for (let i = 0; i < 100; i++) {
      const area = pick(areas);
      const year = pick(YEARS);
      const filter: ImpactFilter = { year: rand() < 0.9 ? year : null, to: `${year}-12-${10 + Math.floor(rand() * 20)}` };
      const r = rand();
      if (r < 0.3) filter.regions = [area.region];
      else if (r < 0.6) filter.countries = [area.country];
      else if (r < 0.8 && area.subdivision) filter.subdivisions = [area.subdivision];
      expect(groupsUpToSource(filter)).not.toBeNull();
      const expected = await naive(ds, filter);
      expect(await service.distinctCount(filter, 'group_id'), JSON.stringify(filter)).toBe(expected.groupCount);
    }
  });

  it('equals a direct computation over the raw reports for 150 random filters', async () => {
    const ds = db.dataSource;
    const distinct = async (sql: string) => (await ds.query(sql)).map((r: { v: unknown }) => String(r.v));
    const values = {
      caseIds: await distinct(`SELECT id AS v FROM "case"`),
      regions: await distinct(`SELECT DISTINCT region AS v FROM letter_report`),
      countries: await distinct(`SELECT DISTINCT country AS v FROM letter_report`),
      subdivisions: await distinct(`SELECT DISTINCT subdivision AS v FROM letter_report WHERE subdivision IS NOT NULL`),
      groupIds: await distinct(`SELECT id AS v FROM writing_group`),
      groupTypes: ['LOCAL_GROUP', 'SCHOOL', 'INDIVIDUAL', 'STUDENT_GROUP', 'ONLINE'],
      actionTypes: ['LETTER', 'SOLIDARITY', 'EMAIL', 'PETITION'],
    };
    const service = new ImpactService(uncached(ds));
    const rand = random(42);
    let nonEmpty = 0;
    for (let i = 0; i < 150; i++) {
      const filter = randomFilter(rand, values);
      const expected = await naive(ds, filter);
      // asked together, as the fields of one request are: figures of one table share a pass
      const [top, daily, totals, groupCount, countryCount, byCase, byCountry, byCaseCountry, byRegion, bySubdivision, byActionType, byGroupType] =
        await Promise.all([
          service.topGroups(filter, 15, null),
          service.daily(filter),
          service.totals(filter),
          service.distinctCount(filter, 'group_id'),
          service.distinctCount(filter, 'country'),
          service.breakdown(filter, 'case_id'),
          service.breakdown(filter, 'country'),
          service.byCaseCountry(filter),
          service.breakdown(filter, 'region'),
          service.breakdown(filter, 'subdivision'),
          service.breakdown(filter, 'action_type'),
          service.breakdown(filter, 'group_type'),
        ]);
      const actual = {
        totals, groupCount, countryCount, byCase, byCountry, byCaseCountry, byRegion, bySubdivision, byActionType, byGroupType,
        topGroups: top.rows.map((r) => [r.groupId, r.actions]),
        daily: daily.filter((d) => d.actions > 0).map((d) => [d.date, d.actions]),
      };
      // and one at a time, each its own pass (a new service: one remembers what it was asked)
      const alone = () => new ImpactService(uncached(ds));
      expect(await alone().totals(filter)).toEqual(totals);
      expect(await alone().breakdown(filter, 'subdivision')).toEqual(bySubdivision);
      expect(await alone().daily(filter)).toEqual(daily);
      expect(actual, JSON.stringify(filter)).toEqual(expected);
      expect(top.totalCount).toBe(expected.groupCount);
      if (expected.totals.reportCount > 0) nonEmpty++;
    }
    // the filters must not be so narrow that most answers are empty
    expect(nonEmpty).toBeGreaterThan(40);
  });
});
