import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeFromRollups } from '../../server/modules/rollups/rollup-maintenance';
import type { ReportRow } from '../../server/modules/reports/report-row';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

let db: TestDatabase;
let app: RunningApp;
let americas: string;
/** Group id by ref. */
const id: Record<string, string> = {};

const AREAS = [
  { region: 'Europe', country: 'DE', subdivision: 'DE-BE' },
  { region: 'Europe', country: 'FR', subdivision: null },
  { region: 'Americas', country: 'US', subdivision: 'US-IL' },
  { region: 'Americas', country: 'MX', subdivision: null },
  { region: 'Africa', country: 'KE', subdivision: null },
];
const TYPES = ['LOCAL_GROUP', 'SCHOOL', 'STUDENT_GROUP'] as const;
const ACTIONS = ['LETTER', 'EMAIL', 'PETITION'] as const;

/** 36 groups, each at home in one area, with reports in 2023 and 2024; counts in tens, so actions tie. */
function generatedReports(): ReportRow[] {
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const rows: ReportRow[] = [];
  for (let g = 0; g < 36; g++) {
    const home = AREAS[g % AREAS.length];
    for (let i = next(6); i < 6; i++) {
      // one report in ten is written from another area than the group's home
      const area = next(10) === 0 ? AREAS[next(AREAS.length)] : home;
      const year = next(3) === 0 ? 2023 : 2024;
      rows.push(
        report({
          year,
          reportedAt: `${year}-12-${String(1 + next(28)).padStart(2, '0')}T10:00:00Z`,
          groupRef: `G${String(g).padStart(2, '0')}`,
          groupType: TYPES[g % TYPES.length],
          caseSlug: next(2) ? 'ana-ruiz' : 'li-wen',
          actionType: ACTIONS[next(ACTIONS.length)],
          count: 10 * (1 + next(8)),
          ...area,
        }),
      );
    }
  }
  return rows;
}

/** Takes reports out of every total as retractReport does: out of the summary tables, then marked. */
async function retract(reportIds: string[]): Promise<void> {
  await db.dataSource.transaction(async (m) => {
    const ids = (await m.query(`SELECT id FROM letter_report WHERE report_id = ANY($1)`, [reportIds])).map((r: { id: number }) => r.id);
    await removeFromRollups(m, ids);
    await m.query(`UPDATE letter_report SET status = 'RETRACTED', status_reason = 'test', status_changed_at = now() WHERE id = ANY($1)`, [ids]);
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2023), campaign(2024));
  await givenReports(db.dataSource, [
    ...generatedReports(),
    // names to search: letters outside ASCII, and characters that LIKE would treat as wildcards
    report({ groupRef: 'ES-SOL-1', groupName: 'Grupo Ñandú 100% Solidario', count: 30, region: 'Europe', country: 'ES' }),
    report({ groupRef: 'US_CHI_2', groupName: 'Chicago Writers', count: 40, region: 'Americas', country: 'US', subdivision: 'US-IL' }),
    // based in Europe, reported once in the Americas
    report({ groupRef: 'TRAVEL', groupName: 'Travelling Circle', count: 500, region: 'Europe', country: 'FR' }),
    report({ groupRef: 'TRAVEL', groupName: 'Travelling Circle', count: 70, region: 'Americas', country: 'MX', reportedAt: '2024-12-20T08:00:00Z' }),
    // a retracted report counts nowhere
    report({ reportId: 'RETRACTED-1', groupRef: 'G00', count: 100_000, ...AREAS[0] }),
    // individuals (no group) are never ranked
    report({ count: 9_999, region: 'Europe', country: 'DE' }),
  ]);
  await retract(['RETRACTED-1']);
  for (const g of await db.dataSource.query(`SELECT id, ref FROM writing_group`)) id[g.ref] = String(g.id);
  app = await startApp(db.dataSource);
  americas = await app.userToken('coordinator', ['Americas']);
});

afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

const RANKING = `query ($filter: ImpactFilter!, $search: String, $first: Int, $after: String) {
  groupRanking(filter: $filter, search: $search, first: $first, after: $after) {
    totalCount
    edges { cursor node { rank actions reports group { id ref name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Connection {
  totalCount: number;
  edges: { cursor: string; node: { rank: number; actions: number; reports: number; group: { id: string; ref: string; name: string } } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function ranking(variables: Record<string, unknown>, token?: string): Promise<Connection> {
  const { data, errors } = await app.graphql(RANKING, variables, token);
  expect(errors).toBeUndefined();
  return data.groupRanking;
}

/** Every page, following the cursors. */
async function allPages(variables: Record<string, unknown>, first: number, token?: string): Promise<Connection['edges']> {
  const edges: Connection['edges'] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const c: Connection = await ranking({ ...variables, first, after }, token);
    expect(c.edges.length).toBeLessThanOrEqual(first);
    edges.push(...c.edges);
    if (!c.pageInfo.hasNextPage) return edges;
    after = c.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

/** [group id, rank, actions, reports] computed from the raw reports. */
async function expectedRanking(where: string, params: unknown[]): Promise<[string, number, number, number][]> {
  const rows = await db.dataSource.query(
    `SELECT group_id, rank() OVER (ORDER BY sum(count) DESC)::int AS rank, sum(count)::int AS actions, count(*)::int AS reports
     FROM letter_report WHERE status = 'ACTIVE' AND group_id IS NOT NULL AND ${where}
     GROUP BY group_id ORDER BY actions DESC, group_id`,
    params,
  );
  return rows.map((r: Record<string, number>) => [String(r.group_id), r.rank, r.actions, r.reports]);
}

const rows = (edges: Connection['edges']) => edges.map((e) => [e.node.group.id, e.node.rank, e.node.actions, e.node.reports]);

describe('Query.groupRanking', () => {
  it('ranks groups by actions, then id, with the totals of the raw reports, for summary-table and raw-table filters', async () => {
    const caseId = String((await db.dataSource.query(`SELECT id FROM "case" WHERE slug = 'li-wen' AND year = 2024`))[0].id);
    const cases: [object, string, unknown[]][] = [
      [{ year: 2024 }, 'year = 2024', []],
      [{ year: 2024, regions: ['Europe'] }, `year = 2024 AND region = 'Europe'`, []],
      // every year: a group's rows of each year summed before ranking
      [{}, 'true', []],
      [{ year: 2023, countries: ['US', 'MX'], subdivisions: ['US-IL'] }, `year = 2023 AND country IN ('US', 'MX') AND subdivision = 'US-IL'`, []],
      // filters no summary table with groups can answer: the raw reports
      [{ year: 2024, caseIds: [caseId] }, 'year = 2024 AND case_id = $1', [caseId]],
      [{ year: 2024, actionTypes: ['EMAIL'], groupTypes: ['SCHOOL'] }, `year = 2024 AND action_type = 'EMAIL' AND group_type = 'SCHOOL'`, []],
      [{ year: 2024, from: '2024-12-10', to: '2024-12-20' }, `year = 2024 AND day BETWEEN '2024-12-10' AND '2024-12-20'`, []],
    ];
    for (const [filter, where, params] of cases) {
      const expected = await expectedRanking(where, params);
      expect(expected.length, where).toBeGreaterThan(2);
      const first = await ranking({ filter, first: 100 });
      expect(first.totalCount, where).toBe(expected.length);
      expect(rows(first.edges), where).toEqual(expected);
    }
    // ties exist in these figures, and share a rank
    const all = await expectedRanking('year = 2024', []);
    expect(new Set(all.map((r) => r[1])).size).toBeLessThan(all.length);
  });

  it('pages with cursors through every group exactly once, whatever the page size', async () => {
    const expected = await expectedRanking('year = 2024', []);
    for (const first of [1, 3, 7, 25, expected.length, 100]) {
      expect(rows(await allPages({ filter: { year: 2024 } }, first)), `first ${first}`).toEqual(expected);
    }
    // one region: rows of rollup_region_group, read in its index order
    const inEurope = await expectedRanking(`year = 2024 AND region = 'Europe'`, []);
    expect(inEurope.length).toBeGreaterThan(2);
    for (const first of [1, 2, inEurope.length]) {
      expect(rows(await allPages({ filter: { year: 2024, regions: ['Europe'] } }, first)), `Europe, first ${first}`).toEqual(inEurope);
    }
    // a search pages the same way, each group keeping its place
    const refOf = Object.fromEntries(Object.entries(id).map(([ref, groupId]) => [groupId, ref]));
    const inG1x = expected.filter(([groupId]) => refOf[groupId].startsWith('G1'));
    expect(inG1x.length).toBeGreaterThan(2);
    expect(rows(await allPages({ filter: { year: 2024 }, search: 'g1' }, 2))).toEqual(inG1x);
  });

  it('returns an empty page after the last cursor, still with the total', async () => {
    const { totalCount, pageInfo } = await ranking({ filter: { year: 2024 }, first: 100 });
    expect(await ranking({ filter: { year: 2024 }, after: pageInfo.endCursor })).toEqual({
      totalCount, edges: [], pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('searches names and refs in any letter case, literally, keeping each group its rank', async () => {
    const all = await ranking({ filter: { year: 2024 }, first: 100 });
    const rankOf = (ref: string) => all.edges.find((e) => e.node.group.ref === ref)!.node.rank;

    const byName = await ranking({ filter: { year: 2024 }, search: '  ñANDÚ ' });
    expect(byName.edges.map((e) => [e.node.group.name, e.node.rank])).toEqual([['Grupo Ñandú 100% Solidario', rankOf('ES-SOL-1')]]);
    expect(byName.totalCount).toBe(1);
    expect((await ranking({ filter: { year: 2024 }, search: 'us_chi' })).edges.map((e) => e.node.group.ref)).toEqual(['US_CHI_2']);
    // % and _ are letters here, not wildcards
    expect((await ranking({ filter: { year: 2024 }, search: '100%' })).totalCount).toBe(1);
    expect((await ranking({ filter: { year: 2024 }, search: '%' })).totalCount).toBe(1);
    expect((await ranking({ filter: { year: 2024 }, search: 'S_CHI' })).totalCount).toBe(1);
    expect((await ranking({ filter: { year: 2024 }, search: 'G_0' })).totalCount).toBe(0);
    // a blank search is no search
    expect((await ranking({ filter: { year: 2024 }, search: '   ' })).totalCount).toBe(all.totalCount);
    // the search narrows within the filter
    expect((await ranking({ filter: { year: 2024, regions: ['Africa'] }, search: 'chicago' })).totalCount).toBe(0);
  });

  it('matches nothing for an empty list, and leaves out individuals and retracted reports', async () => {
    expect(await ranking({ filter: { year: 2024, regions: [] } })).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    const top = (await ranking({ filter: { year: 2024 }, first: 1 })).edges[0].node;
    expect(top.actions).toBeLessThan(9_999);
    expect(top.group.ref).toBe('TRAVEL');
  });

  it("limits a coordinator to their regions' figures, whatever the filter asks", async () => {
    const expected = await expectedRanking(`year = 2024 AND region = 'Americas'`, []);
    expect(rows((await ranking({ filter: { year: 2024 }, first: 100 }, americas)).edges)).toEqual(expected);
    // the group based in Europe appears with its Americas actions only
    expect((await ranking({ filter: { year: 2024 }, search: 'travelling' }, americas)).edges[0].node.actions).toBe(70);
    expect((await ranking({ filter: { year: 2024, regions: ['Europe'] } }, americas)).totalCount).toBe(0);
    expect((await ranking({ filter: { year: 2024 }, search: 'ñandú' }, americas)).totalCount).toBe(0);
  });

  it('refuses bad arguments with BAD_USER_INPUT', async () => {
    const bad = [
      { filter: { year: 2024 }, first: 0 },
      { filter: { year: 2024 }, first: 101 },
      { filter: { year: 2024 }, search: 'x'.repeat(101) },
      { filter: { year: 2024 }, after: 'garbage' },
      { filter: { year: 2024 }, after: "'; DROP TABLE writing_group; --" },
      { filter: { year: 2024, groupIds: ['1; DROP'] } },
      { filter: { year: 2024, countries: Array.from({ length: 501 }, (_, i) => `C${i}`) } },
    ];
    for (const variables of bad) {
      const { errors } = await app.graphql(RANKING, variables);
      expect(errors?.[0].extensions.code, JSON.stringify(variables).slice(0, 80)).toBe('BAD_USER_INPUT');
    }
    expect((await app.graphql(RANKING, { filter: { year: 2024 }, after: 'garbage' })).errors[0].message).toContain('not a cursor');
    expect((await app.graphql(RANKING, { filter: { year: 2024 } }, null)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

const GROUP = `query ($id: ID!) {
  group(id: $id) { id ref name type country region subdivision years { year actions reports firstReportedAt lastReportedAt } }
}`;

describe('Query.group', () => {
  it('gives the group and its figures per campaign year, from the raw reports, first and last report included', async () => {
    const { data, errors } = await app.graphql(GROUP, { id: id.G00 });
    expect(errors).toBeUndefined();
    const expected = await db.dataSource.query(
      `SELECT year, sum(count)::int AS actions, count(*)::int AS reports, min(reported_at) AS first, max(reported_at) AS last
       FROM letter_report WHERE status = 'ACTIVE' AND group_id = $1 GROUP BY year ORDER BY year`,
      [id.G00],
    );
    expect(data.group).toMatchObject({ id: id.G00, ref: 'G00', name: 'Group G00', type: 'LOCAL_GROUP', region: 'Europe', country: 'DE', subdivision: 'DE-BE' });
    expect(data.group.years).toEqual(
      expected.map((r: { year: number; actions: number; reports: number; first: Date; last: Date }) => ({
        year: r.year, actions: r.actions, reports: r.reports, firstReportedAt: r.first.toISOString(), lastReportedAt: r.last.toISOString(),
      })),
    );
    expect(data.group.years.every((y: { actions: number }) => y.actions < 100_000)).toBe(true);
  });

  it('is null for an unknown group, and refuses an id that is not one', async () => {
    expect((await app.graphql(GROUP, { id: '999999' })).data.group).toBeNull();
    for (const bad of ['abc', '1 OR 1=1', '-1', '12345678901']) {
      expect((await app.graphql(GROUP, { id: bad })).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it("shows a coordinator a group based or reporting in their regions, with those figures only, and nothing of another region's group", async () => {
    const own = await app.graphql(GROUP, { id: id['US_CHI_2'] }, americas);
    expect(own.data.group).toMatchObject({ ref: 'US_CHI_2', years: [{ year: 2024, actions: 40, reports: 1 }] });
    const travelling = await app.graphql(GROUP, { id: id.TRAVEL }, americas);
    expect(travelling.data.group.years).toEqual([
      { year: 2024, actions: 70, reports: 1, firstReportedAt: '2024-12-20T08:00:00.000Z', lastReportedAt: '2024-12-20T08:00:00.000Z' },
    ]);
    const other = await app.graphql(GROUP, { id: id['ES-SOL-1'] }, americas);
    expect(other.errors).toBeUndefined();
    expect(other.data.group).toBeNull();
    // staff see the same group whole
    expect((await app.graphql(GROUP, { id: id.TRAVEL })).data.group.years[0]).toMatchObject({ actions: 570, reports: 2 });
  });
});
