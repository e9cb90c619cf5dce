import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

let db: TestDatabase;
let app: RunningApp;

const LIST = `query ($first: Int, $after: String, $search: String) {
  recentReports(first: $first, after: $after, search: $search) {
    edges { cursor node { id reportId year count actionType status statusReason country region writtenOn reportedAt createdAt
      case { name } group { name } supersededBy { reportId } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type Page = { edges: { cursor: string; node: Record<string, any> }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };

async function list(variables: Record<string, unknown> = {}, token?: string | null): Promise<Page> {
  const { data, errors } = await app.graphql(LIST, variables, token);
  expect(errors).toBeUndefined();
  return data.recentReports;
}

/** Every page in turn, as a client following endCursor would read them. */
async function allPages(variables: Record<string, unknown>): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | null = null;
  do {
    const page: Page = await list({ ...variables, after });
    pages.push(page.edges.map((e) => e.node.reportId));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return pages;
}

/*
 * Stored in this order: A-1 .. A-5 (one import), then B-10, B-2, C-1 (another), then a correction
 * of A-2 (A-2-c1, stored last) and a retraction of A-4.
 */
beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
  await givenReports(db.dataSource, [1, 2, 3, 4, 5].map((n) => report({ reportId: `A-${n}`, count: n, groupRef: 'G1' })));
  await givenReports(db.dataSource, [
    report({ reportId: 'B-10', writtenOn: '2024-12-01', caseSlug: 'li-wen', region: 'Europe and Central Asia', country: 'FR' }),
    report({ reportId: 'B-2' }),
    report({ reportId: 'C-1' }),
  ]);
  app = await startApp(db.dataSource);
  const [a2] = await db.dataSource.query(`SELECT id FROM letter_report WHERE report_id = 'A-2'`);
  const [a4] = await db.dataSource.query(`SELECT id FROM letter_report WHERE report_id = 'A-4'`);
  const corrected = await app.graphql(
    `mutation ($id: ID!, $input: ReportInput!) { correctReport(id: $id, input: $input, reason: "count was 2, not 20") { id } }`,
    {
      id: String(a2.id),
      input: {
        reportId: 'A-2-c1', year: 2024, caseSlug: 'ana-ruiz', actionType: 'EMAIL', count: 20,
        reportedAt: '2024-12-10T12:00:00Z', country: 'US', region: 'Americas',
      },
    },
  );
  expect(corrected.errors).toBeUndefined();
  const retracted = await app.graphql(`mutation ($id: ID!) { retractReport(id: $id, reason: "sent twice") { id } }`, { id: String(a4.id) });
  expect(retracted.errors).toBeUndefined();
});

afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

describe('Query.recentReports', () => {
  it('lists reports of every status, the most recently stored first', async () => {
    const page = await list({ first: 100 });
    expect(page.edges.map((e) => e.node.reportId)).toEqual(['A-2-c1', 'C-1', 'B-2', 'B-10', 'A-5', 'A-4', 'A-3', 'A-2', 'A-1']);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: page.edges[8].cursor });
  });

  it('gives each report what staff need to judge it: case, group, area, dates, figures', async () => {
    const { edges } = await list({ first: 100 });
    const byId = Object.fromEntries(edges.map((e) => [e.node.reportId, e.node]));
    expect(byId['B-10']).toMatchObject({
      year: 2024, count: 10, actionType: 'LETTER', status: 'ACTIVE', statusReason: null, country: 'FR',
      region: 'Europe and Central Asia', writtenOn: '2024-12-01', reportedAt: '2024-12-10T12:00:00.000Z',
      case: { name: 'Li Wen' }, group: null, supersededBy: null,
    });
    expect(byId['A-1']).toMatchObject({ count: 1, case: { name: 'Ana Ruiz' }, group: { name: 'Group G1' } });
    expect(new Date(byId['A-1'].createdAt).getTime()).toBeLessThanOrEqual(new Date(byId['A-2-c1'].createdAt).getTime());
  });

  it('shows retracted and superseded reports with their reason and replacement', async () => {
    const { edges } = await list({ first: 100 });
    const byId = Object.fromEntries(edges.map((e) => [e.node.reportId, e.node]));
    expect(byId['A-4']).toMatchObject({ status: 'RETRACTED', statusReason: 'sent twice', supersededBy: null });
    expect(byId['A-2']).toMatchObject({ status: 'SUPERSEDED', statusReason: 'count was 2, not 20', supersededBy: { reportId: 'A-2-c1' } });
    expect(byId['A-2-c1']).toMatchObject({ status: 'ACTIVE', count: 20, actionType: 'EMAIL' });
  });

  it('pages with a cursor: every report once, in order, the last page saying so', async () => {
    expect(await allPages({ first: 4 })).toEqual([
      ['A-2-c1', 'C-1', 'B-2', 'B-10'],
      ['A-5', 'A-4', 'A-3', 'A-2'],
      ['A-1'],
    ]);
    const exact = await list({ first: 9 });
    expect(exact.pageInfo.hasNextPage).toBe(false);
  });

  it('finds reports whose reportId starts with the search, in reportId order, page by page', async () => {
    expect(await allPages({ first: 2, search: 'A-2' })).toEqual([['A-2', 'A-2-c1']]);
    expect(await allPages({ first: 2, search: ' B-' })).toEqual([['B-10', 'B-2']]);
    expect(await allPages({ first: 2, search: 'A-' })).toEqual([['A-1', 'A-2'], ['A-2-c1', 'A-3'], ['A-4', 'A-5']]);
    // a prefix, not a pattern: no LIKE wildcards, exact capitals
    expect(await allPages({ search: 'A_' })).toEqual([[]]);
    expect(await allPages({ search: '%' })).toEqual([[]]);
    expect(await allPages({ search: 'a-1' })).toEqual([[]]);
    // an empty search is the whole list
    expect((await list({ search: '  ' })).edges).toHaveLength(9);
  });

  it('refuses a malformed cursor, or one of the other order, with BAD_USER_INPUT', async () => {
    const listCursor = (await list({ first: 1 })).pageInfo.endCursor;
    const searchCursor = (await list({ first: 1, search: 'A' })).pageInfo.endCursor;
    for (const variables of [{ after: 'nonsense' }, { after: listCursor, search: 'A' }, { after: searchCursor }]) {
      const { errors } = await app.graphql(LIST, variables);
      expect(errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('bounds the page size', async () => {
    for (const first of [0, 101]) {
      const { errors } = await app.graphql(LIST, { first });
      expect(errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    }
  });

  it('is for staff and admins: a coordinator is refused, anonymous asked to sign in', async () => {
    const staff = await app.userToken('staff');
    expect((await list({ first: 1 }, staff)).edges).toHaveLength(1);
    const coordinator = await app.userToken('coordinator', ['Americas']);
    const refused = await app.graphql(LIST, {}, coordinator);
    expect(refused.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(refused.data).toBeNull();
    const anonymous = await app.graphql(LIST, {}, null);
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
