import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeFromRollups } from '../../server/modules/rollups/rollup-maintenance';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

let db: TestDatabase;
let app: RunningApp;
/** Group id by ref. */
const id: Record<string, string> = {};

const DE_BE = { region: 'Europe', country: 'DE', subdivision: 'DE-BE' };
const DE_BY = { region: 'Europe', country: 'DE', subdivision: 'DE-BY' };
const DE = { region: 'Europe', country: 'DE' };
const FR = { region: 'Europe', country: 'FR' };
const US_IL = { region: 'Americas', country: 'US', subdivision: 'US-IL' };
const US = { region: 'Americas', country: 'US' };
const KE = { region: 'Africa', country: 'KE' };

/** Takes reports out of every total as retractReport does: out of the summary tables, then marked. */
async function retract(reportIds: string[]): Promise<void> {
  await db.dataSource.transaction(async (m) => {
    const ids = (await m.query(`SELECT id FROM letter_report WHERE report_id = ANY($1)`, [reportIds])).map((r: { id: number }) => r.id);
    expect(ids).toHaveLength(reportIds.length);
    await removeFromRollups(m, ids);
    await m.query(
      `UPDATE letter_report SET status = 'RETRACTED', status_reason = 'test', status_changed_at = now() WHERE id = ANY($1)`,
      [ids],
    );
  });
}

/*
 * For 2024, not reported yet (by 2023 actions): GA 100, GD 80 and GE 80 (tie: by id), GF 30, GH 25.
 * Reported in 2024: GB, GC (2024 only), GI (elsewhere than in 2023). GG's only 2023 report is retracted.
 */
beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2023), campaign(2024), campaign(2025));
  const y23 = (at: string) => ({ year: 2023, reportedAt: `2023-12-${at}Z` });
  const y24 = (at: string) => ({ year: 2024, reportedAt: `2024-12-${at}Z` });
  await givenReports(db.dataSource, [
    // last year only, two reports
    report({ ...y23('01T10:00:00'), groupRef: 'GA', count: 60, ...DE_BE }),
    report({ ...y23('15T10:00:00'), groupRef: 'GA', count: 40, ...DE_BE }),
    // both years
    report({ ...y23('02T10:00:00'), groupRef: 'GB', count: 50, ...FR }),
    report({ ...y24('02T10:00:00'), groupRef: 'GB', count: 10, ...FR }),
    // this year only
    report({ ...y24('03T10:00:00'), groupRef: 'GC', count: 70, ...FR }),
    // last year, and this year but retracted (below)
    report({ ...y23('05T09:00:00'), groupRef: 'GD', count: 80, ...DE_BY }),
    report({ reportId: 'GD-2024', ...y24('05T09:00:00'), groupRef: 'GD', count: 15, ...DE_BY }),
    // last year, elsewhere
    report({ ...y23('06T09:00:00'), groupRef: 'GE', count: 80, ...US_IL }),
    // a school
    report({ ...y23('07T09:00:00'), groupRef: 'GF', groupType: 'SCHOOL', count: 30, ...FR }),
    // last year, retracted since (below): it did not report
    report({ reportId: 'GG-2023', ...y23('07T09:00:00'), groupRef: 'GG', count: 90, ...FR }),
    // last year in two areas
    report({ ...y23('08T00:00:00'), groupRef: 'GH', count: 20, ...DE }),
    report({ ...y23('20T00:00:00'), groupRef: 'GH', count: 5, ...US }),
    // last year in Germany; this year one retracted report there and an active one in Kenya
    report({ ...y23('09T00:00:00'), groupRef: 'GI', count: 45, ...DE }),
    report({ reportId: 'GI-2024-DE', ...y24('09T00:00:00'), groupRef: 'GI', count: 10, ...DE }),
    report({ ...y24('10T00:00:00'), groupRef: 'GI', count: 1, ...KE }),
    // an individual (no group) never appears
    report({ ...y23('11T00:00:00'), count: 500, ...DE }),
  ]);
  await retract(['GD-2024', 'GG-2023', 'GI-2024-DE']);
  for (const g of await db.dataSource.query(`SELECT id, ref FROM writing_group`)) id[g.ref] = String(g.id);
  app = await startApp(db.dataSource);
});

afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

const QUERY = `query ($year: Int!, $regions: [String!], $countries: [String!], $subdivisions: [String!], $groupTypes: [GroupType!], $first: Int, $after: String) {
  notYetReported(year: $year, regions: $regions, countries: $countries, subdivisions: $subdivisions, groupTypes: $groupTypes, first: $first, after: $after) {
    totalCount
    edges { cursor node { group { id ref } lastYearActions lastYearReports lastReportedAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Connection {
  totalCount: number;
  edges: { cursor: string; node: { group: { id: string; ref: string }; lastYearActions: number; lastYearReports: number; lastReportedAt: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function notYetReported(variables: Record<string, unknown>): Promise<Connection> {
  const { data, errors } = await app.graphql(QUERY, variables);
  expect(errors).toBeUndefined();
  return data.notYetReported;
}

/** [ref, lastYearActions] in the order returned. */
const ranked = (c: Connection) => c.edges.map((e) => [e.node.group.ref, e.node.lastYearActions]);

/** GD and GE both have 80: the lower id first. */
const tie = () => (Number(id.GD) < Number(id.GE) ? ['GD', 'GE'] : ['GE', 'GD']);

describe('Query.notYetReported', () => {
  it("lists groups that reported last year and not this year, by last year's actions then id", async () => {
    const c = await notYetReported({ year: 2024 });
    expect(c.totalCount).toBe(5);
    expect(ranked(c)).toEqual([['GA', 100], [tie()[0], 80], [tie()[1], 80], ['GF', 30], ['GH', 25]]);
    expect(c.pageInfo).toEqual({ hasNextPage: false, endCursor: c.edges[4].cursor });
  });

  it("gives the group, last year's reports and when it last reported", async () => {
    const { data } = await app.graphql(`{
      notYetReported(year: 2024, first: 1) {
        edges { node { group { id ref name type country region subdivision } lastYearActions lastYearReports lastReportedAt } }
      }
    }`);
    expect(data.notYetReported.edges[0].node).toEqual({
      group: { id: id.GA, ref: 'GA', name: 'Group GA', type: 'LOCAL_GROUP', country: 'DE', region: 'Europe', subdivision: 'DE-BE' },
      lastYearActions: 100,
      lastYearReports: 2,
      lastReportedAt: '2023-12-15T10:00:00.000Z',
    });
  });

  it('counts a group whose only report this year was retracted as not reported, and one whose report last year was retracted as never reported', async () => {
    const refs = (await notYetReported({ year: 2024 })).edges.map((e) => e.node.group.ref);
    expect(refs).toContain('GD');
    expect(refs).not.toContain('GG');
    // GI reported this year, though elsewhere than last year and with one report retracted
    expect(refs).not.toContain('GI');
  });

  it('looks at the year before the one asked for', async () => {
    const c = await notYetReported({ year: 2025 });
    expect(ranked(c)).toEqual([['GC', 70], ['GB', 10], ['GI', 1]]);
    expect((await notYetReported({ year: 2023 })).totalCount).toBe(0);
  });

  it('filters on where the group reported last year, with its figures there only', async () => {
    const americas = await notYetReported({ year: 2024, regions: ['Americas'] });
    expect(ranked(americas)).toEqual([['GE', 80], ['GH', 5]]);
    expect(americas.edges[1].node).toMatchObject({ lastYearReports: 1, lastReportedAt: '2023-12-20T00:00:00.000Z' });

    const germany = await notYetReported({ year: 2024, countries: ['DE'] });
    expect(ranked(germany)).toEqual([['GA', 100], ['GD', 80], ['GH', 20]]);
    expect(germany.edges[2].node.lastReportedAt).toBe('2023-12-08T00:00:00.000Z');

    expect(ranked(await notYetReported({ year: 2024, subdivisions: ['DE-BE', 'US-IL'] }))).toEqual([['GA', 100], ['GE', 80]]);
    expect(ranked(await notYetReported({ year: 2024, groupTypes: ['SCHOOL'] }))).toEqual([['GF', 30]]);
    expect(ranked(await notYetReported({ year: 2024, regions: ['Europe'], groupTypes: ['LOCAL_GROUP'] })))
      .toEqual([['GA', 100], ['GD', 80], ['GH', 20]]);
  });

  it('matches nothing for an empty list', async () => {
    const empty = { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    expect(await notYetReported({ year: 2024, regions: [] })).toEqual(empty);
    expect(await notYetReported({ year: 2024, regions: ['Europe'], countries: [] })).toEqual(empty);
    expect(await notYetReported({ year: 2024, subdivisions: [] })).toEqual(empty);
    expect(await notYetReported({ year: 2024, groupTypes: [] })).toEqual(empty);
  });

  it('pages with cursors through every group exactly once, whatever the page size', async () => {
    const all = ranked(await notYetReported({ year: 2024 }));
    for (const first of [1, 2, 3, 4, 5, 6]) {
      const seen: unknown[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const c: Connection = await notYetReported({ year: 2024, first, after });
        expect(c.totalCount).toBe(5);
        expect(c.edges.length).toBeLessThanOrEqual(first);
        seen.push(...ranked(c));
        if (!c.pageInfo.hasNextPage) {
          expect(c.pageInfo.endCursor).toBe(c.edges.at(-1)?.cursor ?? null);
          break;
        }
        after = c.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
    }
  });

  it('returns an empty page after the last cursor, still with the total', async () => {
    const { pageInfo } = await notYetReported({ year: 2024 });
    expect(await notYetReported({ year: 2024, after: pageInfo.endCursor })).toEqual({
      totalCount: 5, edges: [], pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('refuses a page size outside 1..200 and a cursor not from the list with BAD_USER_INPUT', async () => {
    for (const first of [0, 201, -1]) {
      const { errors } = await app.graphql(QUERY, { year: 2024, first });
      expect(errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    for (const after of ['garbage', Buffer.from('1:x').toString('base64url'), "'; DROP TABLE writing_group; --"]) {
      const { errors } = await app.graphql(QUERY, { year: 2024, after });
      expect(errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(errors[0].message).toContain('not a cursor');
    }
    expect((await notYetReported({ year: 2024, first: 200 })).totalCount).toBe(5);
  });
});
