import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { startApp, type RunningApp } from '../support/http';

/**
 * A coordinator's regions hold on every object they can reach (nested reports, groups and their
 * places) and on every write. Each case below was an exploit on the demo data (issue 14).
 */
let db: TestDatabase;
let app: RunningApp;
let americas: string;
let staff: string;
const groupId: Record<string, string> = {};

const AMERICAS = { region: 'Americas', country: 'US' };
const EUROPE = { region: 'Europe and Central Asia', country: 'CH' };
// markers of Europe that must never reach the Americas coordinator
const EUROPEAN = ['Europe', 'CH', 'CH-ZH', 'FR', 'FR-75', 'DE', 'Zurich', '555', '777'];

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2023), campaign(2024));
  await givenReports(db.dataSource, [
    report({ year: 2024, reportId: 'AM-1', count: 10, ...AMERICAS, groupRef: 'US-1', groupName: 'Chicago group' }),
    report({ year: 2024, reportId: 'AM-FIX', count: 12, ...AMERICAS, subdivision: 'US-TX', groupRef: 'US-3', groupName: 'Austin group' }),
    report({ year: 2024, reportId: 'EU-1', count: 777, ...EUROPE, subdivision: 'CH-ZH', groupRef: 'CH-1', groupName: 'Zurich group' }),
    // a group that wrote in the Americas in 2023, then in France in 2024: its home is now France
    report({ year: 2023, reportId: 'TR-23', count: 7, ...AMERICAS, subdivision: 'US-NY', groupRef: 'TRAVEL', groupName: 'Travelling circle' }),
    report({ year: 2024, reportId: 'TR-24', count: 555, region: 'Europe and Central Asia', country: 'FR', subdivision: 'FR-75', groupRef: 'TRAVEL', groupName: 'Travelling circle' }),
    // wrote in 2023 only, in the Americas
    report({ year: 2023, reportId: 'US2-23', count: 5, ...AMERICAS, groupRef: 'US-2', groupName: 'Boston group' }),
  ]);
  for (const g of await db.dataSource.query(`SELECT id, ref FROM writing_group`)) groupId[g.ref] = String(g.id);
  app = await startApp(db.dataSource);
  americas = await app.userToken('coordinator', ['Americas']);
  staff = await app.userToken('staff');
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

function expectNoEurope(answer: unknown) {
  const text = JSON.stringify(answer);
  for (const marker of EUROPEAN) expect(text, marker).not.toContain(`"${marker}`);
}

describe('a correction to another region', () => {
  it("is not reachable from the coordinator's corrected report", async () => {
    const { data } = await app.graphql(`{ report(reportId: "AM-FIX") { id } }`, {}, staff);
    const corrected = await app.graphql(
      `mutation($id: ID!, $input: ReportInput!) { correctReport(id: $id, input: $input, reason: "wrong region") { id } }`,
      {
        id: data.report.id,
        input: { reportId: 'AM-FIX-DE', year: 2024, caseSlug: 'ana-ruiz', actionType: 'LETTER', count: 12,
          reportedAt: '2024-12-10T12:00:00Z', country: 'DE', region: 'Europe and Central Asia', subdivision: 'DE-BY' },
      },
      staff,
    );
    expect(corrected.errors).toBeUndefined();

    // the coordinator is not the writer: they see the correction once the shared version advances
    const answer = await eventually(
      () => app.graphql(`{ report(reportId: "AM-FIX") { status region supersededBy { reportId region country subdivision count } } }`, {}, americas),
      (a) => a.data?.report?.status === 'SUPERSEDED',
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.report).toEqual({ status: 'SUPERSEDED', region: 'Americas', supersededBy: null });
    expect(JSON.stringify(answer)).not.toContain('DE-BY');
    // staff follow it
    const seen = await app.graphql(`{ report(reportId: "AM-FIX") { supersededBy { reportId } } }`, {}, staff);
    expect(seen.data.report.supersededBy).toEqual({ reportId: 'AM-FIX-DE' });
  });

  it('within their regions is followed as before', async () => {
    const { data } = await app.graphql(`{ report(reportId: "AM-1") { id } }`, {}, staff);
    const corrected = await app.graphql(
      `mutation($id: ID!, $input: ReportInput!) { correctReport(id: $id, input: $input, reason: "count") { id } }`,
      {
        id: data.report.id,
        input: { reportId: 'AM-1-C', year: 2024, caseSlug: 'ana-ruiz', actionType: 'LETTER', count: 11,
          reportedAt: '2024-12-10T12:00:00Z', groupRef: 'US-1', groupName: 'Chicago group', groupType: 'LOCAL_GROUP', ...AMERICAS },
      },
      staff,
    );
    expect(corrected.errors).toBeUndefined();
    const answer = await eventually(
      () => app.graphql(`{ report(reportId: "AM-1") { supersededBy { reportId count group { ref region } } } }`, {}, americas),
      (a) => a.data?.report?.supersededBy != null,
    );
    expect(answer.data.report.supersededBy).toEqual({ reportId: 'AM-1-C', count: 11, group: { ref: 'US-1', region: 'Americas' } });
  });
});

describe("a coordinator's write", () => {
  const SUBMIT = `mutation($input: ReportInput!) { submitReport(input: $input) { reportId group { ref name } } }`;
  const input = (reportId: string, group: Record<string, string>) => ({
    reportId, year: 2024, caseSlug: 'ana-ruiz', actionType: 'LETTER', count: 3,
    reportedAt: '2024-12-11T10:00:00Z', country: 'US', region: 'Americas', ...group,
  });
  const storedGroup = async (ref: string) =>
    (await db.dataSource.query(`SELECT name, type, country, region, subdivision FROM writing_group WHERE ref = $1`, [ref]))[0];

  it("cannot rename or move another region's group through its ref, and stores nothing", async () => {
    const before = await storedGroup('CH-1');
    const answer = await app.graphql(SUBMIT, { input: input('HIJACK-1', { groupRef: 'CH-1', groupName: 'Renamed', groupType: 'SCHOOL' }) }, americas);
    expect(answer.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(answer.errors[0].message).toMatch(/groupRef "CH-1".*outside your regions/);
    // only the ref the coordinator sent comes back: nothing of the group
    for (const marker of ['Zurich', 'CH-ZH', 'Europe', '777']) expect(JSON.stringify(answer)).not.toContain(marker);
    expect(await storedGroup('CH-1')).toEqual(before);
    expect(await db.dataSource.query(`SELECT 1 FROM letter_report WHERE report_id = 'HIJACK-1'`)).toEqual([]);
  });

  it('cannot change a group that also reported in another region', async () => {
    const before = await storedGroup('TRAVEL');
    const answer = await app.graphql(SUBMIT, { input: input('HIJACK-2', { groupRef: 'TRAVEL', groupName: 'Travelling circle', groupType: 'LOCAL_GROUP' }) }, americas);
    expect(answer.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await storedGroup('TRAVEL')).toEqual(before);
    expect(await db.dataSource.query(`SELECT 1 FROM letter_report WHERE report_id = 'HIJACK-2'`)).toEqual([]);
  });

  it('creates and changes groups of their own region', async () => {
    const created = await app.graphql(SUBMIT, { input: input('OWN-1', { groupRef: 'US-NEW', groupName: 'New York group', groupType: 'SCHOOL' }) }, americas);
    expect(created.errors).toBeUndefined();
    expect(created.data.submitReport.group).toEqual({ ref: 'US-NEW', name: 'New York group' });
    const renamed = await app.graphql(SUBMIT, { input: input('OWN-2', { groupRef: 'US-1', groupName: 'Chicago writers', groupType: 'LOCAL_GROUP' }) }, americas);
    expect(renamed.errors).toBeUndefined();
    expect(await storedGroup('US-1')).toMatchObject({ name: 'Chicago writers', region: 'Americas' });
  });

  it('is refused for another region before anything is stored', async () => {
    const answer = await app.graphql(SUBMIT, { input: { ...input('ELSEWHERE', {}), region: 'Europe and Central Asia', country: 'CH' } }, americas);
    expect(answer.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await db.dataSource.query(`SELECT 1 FROM letter_report WHERE report_id = 'ELSEWHERE'`)).toEqual([]);
  });
});

describe("a group's place", () => {
  const PLACE = 'country region subdivision';

  it("is, for a coordinator, its latest place within their regions, on every path", async () => {
    const travel = { ref: 'TRAVEL', country: 'US', region: 'Americas', subdivision: 'US-NY' };
    const answer = await app.graphql(
      `query($id: ID!) {
        group(id: $id) { ref ${PLACE} }
        impact(filter: { year: 2023 }) { topGroups { edges { node { group { ref ${PLACE} } } } } }
        groupRanking(filter: { year: 2023 }) { edges { node { group { ref ${PLACE} } } } }
        notYetReported(year: 2024) { edges { node { group { ref ${PLACE} } } } }
        report(reportId: "TR-23") { group { ref ${PLACE} } }
      }`,
      { id: groupId.TRAVEL },
      americas,
    );
    expect(answer.errors).toBeUndefined();
    expectNoEurope(answer);
    const d = answer.data;
    expect(d.group).toEqual(travel);
    expect(d.impact.topGroups.edges.map((e: any) => e.node.group)).toContainEqual(travel);
    expect(d.groupRanking.edges.map((e: any) => e.node.group)).toContainEqual(travel);
    expect(d.notYetReported.edges.map((e: any) => e.node.group)).toContainEqual(travel);
    expect(d.report.group).toEqual(travel);
  });

  it('is, for staff, where it last reported', async () => {
    const { data } = await app.graphql(`query($id: ID!) { group(id: $id) { ${PLACE} } }`, { id: groupId.TRAVEL }, staff);
    expect(data.group).toEqual({ country: 'FR', region: 'Europe and Central Asia', subdivision: 'FR-75' });
  });

  it("is nothing for another region's group", async () => {
    const { data } = await app.graphql(`query($id: ID!) { group(id: $id) { ref } }`, { id: groupId['CH-1'] }, americas);
    expect(data.group).toBeNull();
  });
});

describe('notYetReported for a coordinator', () => {
  it("does not depend on reports outside their regions", async () => {
    const { data, errors } = await app.graphql(
      `{ notYetReported(year: 2024) { totalCount edges { node { lastYearActions group { ref } } } } }`, {}, americas,
    );
    expect(errors).toBeUndefined();
    // TRAVEL wrote in France in 2024, not in the Americas: to the Americas it has not reported yet
    expect(data.notYetReported).toEqual({
      totalCount: 2,
      edges: [
        { node: { lastYearActions: 7, group: { ref: 'TRAVEL' } } },
        { node: { lastYearActions: 5, group: { ref: 'US-2' } } },
      ],
    });
  });

  it('is unchanged for staff: a group that reported anywhere this year is not listed', async () => {
    const { data } = await app.graphql(`{ notYetReported(year: 2024) { totalCount edges { node { group { ref } } } } }`, {}, staff);
    expect(data.notYetReported).toEqual({ totalCount: 1, edges: [{ node: { group: { ref: 'US-2' } } }] });
  });
});
