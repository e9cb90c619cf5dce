import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../../server/db/data-source';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { startApp, type RunningApp } from '../support/http';

// An answer recomputed because a write changed part of what it reads runs again only the
// statements that read that part: each statement's result is cached by its own years and areas.

let db: TestDatabase;
let reads: DataSource;
let app: RunningApp;
let reader: string;
let writer: string;
/** The parameters of every statement the dashboard's reads sent. */
const statements: string[] = [];

const PAGE = `{
  campaign(year: 2024) { progress { totalActions } }
  brazil: impact(filter: { year: 2024, countries: ["BR"] }) { totalActions byCase { actions } }
  poland: impact(filter: { year: 2024, countries: ["PL"] }) { totalActions }
}`;

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2023), campaign(2024));
  await givenReports(db.dataSource, [
    report({ count: 10, country: 'BR', region: 'Americas' }),
    report({ count: 20, country: 'PL', region: 'Europe and Central Asia' }),
  ]);
  // the dashboard's reads go to a "replica" that is the database itself, always caught up: counted here
  reads = createDataSource({ url: db.url });
  await reads.initialize();
  const query = reads.query.bind(reads);
  reads.query = ((sql: string, params?: unknown[]) => {
    statements.push(JSON.stringify(params ?? []));
    return query(sql, params);
  }) as typeof reads.query;
  app = await startApp(db.dataSource, { readDataSource: reads });
  [reader, writer] = [await app.userToken('staff'), await app.userToken('staff')];
});
afterAll(async () => {
  await app?.stop();
  await reads?.destroy();
  await db?.drop();
});

describe("statements cached by their own years and areas", () => {
  it("a report from Poland runs Poland's and the campaign's statements again, not Brazil's", async () => {
    const before = (await app.graphql(PAGE, {}, reader)).data;
    expect(before.brazil.totalActions).toBe(10);
    const from = statements.length;
    const submitted = await app.graphql(`mutation($input: ReportInput!) { submitReport(input: $input) { id } }`, {
      input: { reportId: 'STATEMENTS-1', year: 2024, caseSlug: 'ana-ruiz', actionType: 'LETTER', count: 5, reportedAt: '2024-12-11T10:00:00Z', country: 'PL', region: 'Europe and Central Asia' },
    }, writer);
    expect(submitted.errors).toBeUndefined();
    const after = (await eventually(() => app.graphql(PAGE, {}, reader), (a) => a.data.poland.totalActions === 25, 3000)).data;
    expect(after).toMatchObject({ campaign: { progress: { totalActions: before.campaign.progress.totalActions + 5 } }, brazil: before.brazil, poland: { totalActions: 25 } });
    const sent = statements.slice(from);
    expect(sent.filter((p) => p.includes('"PL"')).length).toBeGreaterThan(0);
    expect(sent.filter((p) => p.includes('"BR"'))).toEqual([]);
  });

  it('a report from Brazil runs the Brazilian statements again', async () => {
    const from = statements.length;
    await givenReports(db.dataSource, [report({ count: 7, country: 'BR', region: 'Americas' })]);
    const after = (await eventually(() => app.graphql(PAGE, {}, reader), (a) => a.data.brazil.totalActions === 17, 3000)).data;
    expect(after.brazil.totalActions).toBe(17);
    expect(statements.slice(from).filter((p) => p.includes('"BR"')).length).toBeGreaterThan(0);
  });
});
