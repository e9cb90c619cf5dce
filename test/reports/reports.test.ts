import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { submitReport } from '../../server/modules/reports/report.service';
import { LetterReport } from '../../server/modules/reports/letter-report.entity';
import { verifyRollups } from '../../server/modules/rollups/verify-rollups';
import { campaign, givenCampaigns } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

let db: TestDatabase;
let app: RunningApp;
let serial = 0;

const SUBMIT = `mutation($input: ReportInput!) { submitReport(input: $input) { id reportId count status day groupType case { slug } group { ref name } } }`;
const TOTAL = `query { impact(filter: { year: 2024 }) { totalActions reportCount } }`;

function input(overrides: Record<string, unknown> = {}) {
  return {
    reportId: `F-${++serial}`,
    year: 2024,
    caseSlug: 'ana-ruiz',
    actionType: 'LETTER',
    count: 12,
    reportedAt: '2024-12-10T18:30:00+01:00',
    country: 'DE',
    region: 'Europe and Central Asia',
    subdivision: 'DE-BY',
    groupRef: 'DE-GROUP-1',
    groupName: 'Amnesty München Group 1',
    groupType: 'LOCAL_GROUP',
    ...overrides,
  };
}

async function total() {
  return (await app.graphql(TOTAL)).data.impact;
}

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
  app = await startApp(db.dataSource);
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

describe('Mutation.submitReport', () => {
  it('stores a valid report with its group, on the day of the campaign time zone', async () => {
    const { data, errors } = await app.graphql(SUBMIT, { input: input({ reportId: 'S-1', reportedAt: '2024-12-10T23:30:00-05:00' }) });
    expect(errors).toBeUndefined();
    expect(data.submitReport).toMatchObject({
      reportId: 'S-1', count: 12, status: 'ACTIVE', day: '2024-12-11', groupType: 'LOCAL_GROUP',
      case: { slug: 'ana-ruiz' }, group: { ref: 'DE-GROUP-1', name: 'Amnesty München Group 1' },
    });
  });

  it('counts a report without a group as INDIVIDUAL, whatever groupType says', async () => {
    const { data, errors } = await app.graphql(SUBMIT, { input: input({ reportId: 'S-NO-GROUP', groupRef: null, groupName: null, groupType: 'EVENT' }) });
    expect(errors).toBeUndefined();
    expect(data.submitReport).toMatchObject({ reportId: 'S-NO-GROUP', groupType: 'INDIVIDUAL', group: null });
  });

  it('is idempotent: the same report sent again returns the stored one and counts once', async () => {
    const before = await total();
    const first = await app.graphql(SUBMIT, { input: input({ reportId: 'S-2' }) });
    const again = await app.graphql(SUBMIT, { input: input({ reportId: 'S-2' }) });
    expect(again.data.submitReport.id).toBe(first.data.submitReport.id);
    expect(await total()).toEqual({ totalActions: before.totalActions + 12, reportCount: before.reportCount + 1 });
  });

  it('refuses the same reportId with other content, naming the field', async () => {
    await app.graphql(SUBMIT, { input: input({ reportId: 'S-3' }) });
    const { errors } = await app.graphql(SUBMIT, { input: input({ reportId: 'S-3', count: 99 }) });
    expect(errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(errors[0].message).toContain('correctReport');
    // the field named once: it read "reportId report_id "S-3" is already stored…"
    expect(errors[0].message).toContain('The report was not stored: reportId "S-3" is already stored with different content');
  });

  it.each([
    [{ count: 0 }, 'count'],
    [{ count: 1_000_001 }, 'count'],
    [{ caseSlug: 'nobody' }, 'caseSlug'],
    [{ year: 2019 }, 'year'],
    [{ country: 'XX' }, 'country'],
    [{ subdivision: 'US-IL' }, 'subdivision'],
    [{ region: '' }, 'region'],
    [{ groupName: null }, 'groupName'],
  ])('refuses %o with BAD_USER_INPUT naming %s, storing nothing', async (overrides, field) => {
    const before = await total();
    const { errors } = await app.graphql(SUBMIT, { input: input(overrides) });
    expect(errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(errors[0].extensions.fields)).toContain(field);
    expect(await total()).toEqual(before);
  });

  it("stores a report of a region named with a quote, and that region's figures show it", async () => {
    // the bump names the write's areas inside its statement's text (it is sent with the summary tables' updates)
    const region = "Côte d'Ouest";
    const regionTotal = async () =>
      (await app.graphql(`query($r: [String!]) { impact(filter: { year: 2024, regions: $r }) { totalActions } }`, { r: [region] })).data.impact.totalActions;
    const before = await regionTotal();
    const { errors } = await app.graphql(SUBMIT, { input: input({ reportId: 'Q-1', region, country: 'CI', subdivision: null, count: 4 }) });
    expect(errors).toBeUndefined();
    expect(await regionTotal()).toBe(before + 4);
  });

  it('is two round trips to the database, BEGIN and COMMIT included, and answers the report as stored', async () => {
    // a spy calls through; it keeps each call's client (this) and text
    const spy = vi.spyOn(pg.Client.prototype, 'query');
    let calls: { client: unknown; text: string }[];
    let answered: LetterReport;
    try {
      const form = input({ reportId: 'S-TRIPS', groupRef: 'DE-GROUP-TRIPS', reportedAt: new Date('2024-12-10T18:30:00+01:00'), writtenOn: '2024-12-09' });
      answered = await submitReport(db.dataSource, form as never, { userId: null });
      calls = spy.mock.calls.map((args, i) => ({ client: spy.mock.contexts[i], text: String(typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text) }));
    } finally {
      spy.mockRestore();
    }
    // BEGIN with the checks and the insert (which returns the report); the summary tables, the bump and COMMIT
    const writer = calls.find((c) => /^BEGIN;/.test(c.text))!.client;
    const trips = calls.filter((c) => c.client === writer).map((c) => c.text.trim());
    expect(trips.map((t) => t.split(/\s+/).slice(0, 2).join(' '))).toEqual(['BEGIN; WITH', 'INSERT INTO']);
    expect(trips[0]).toContain("'S-TRIPS'");
    expect(trips[1]).toMatch(/UPDATE data_version[\s\S]*;\s*COMMIT$/);
    // every column as TypeORM reads it: dates as Dates, days as "YYYY-MM-DD"
    const read = await db.dataSource.getRepository(LetterReport).findOneByOrFail({ id: answered.id });
    expect(answered).toEqual(read);
    expect(answered).toMatchObject({ reportId: 'S-TRIPS', count: 12, day: '2024-12-10', writtenOn: '2024-12-09', reportedAt: new Date('2024-12-10T17:30:00Z') });
  });

  it('keeps every total exact with 32 clients submitting at once, and verify finds no difference', async () => {
    const before = await total();
    const inputs = Array.from({ length: 32 * 5 }, (_, i) =>
      input({ reportId: `C-${i}`, count: i + 1, groupRef: `G-${i % 7}`, groupName: `Group ${i % 7}`, country: i % 2 ? 'DE' : 'FR', subdivision: null }),
    );
    const clients = Array.from({ length: 32 }, (_, c) =>
      (async () => {
        for (let k = 0; k < 5; k++) {
          const res = await app.graphql(SUBMIT, { input: inputs[c * 5 + k] });
          if (res.errors) throw new Error(JSON.stringify(res.errors));
        }
      })(),
    );
    // and the same ids again at the same time: counted once
    const repeats = inputs.slice(0, 32).map((i) => app.graphql(SUBMIT, { input: i }));
    await Promise.all([...clients, ...repeats]);
    const added = inputs.reduce((s, i) => s + (i.count as number), 0);
    expect(await total()).toEqual({ totalActions: before.totalActions + added, reportCount: before.reportCount + inputs.length });
    expect(await verifyRollups(db.dataSource)).toEqual([]);
  });
});

describe('Mutation.retractReport', () => {
  it('takes the report out of every total, keeps it with the reason, and refuses a second retraction', async () => {
    const { data } = await app.graphql(SUBMIT, { input: input({ reportId: 'R-1', count: 40 }) });
    const before = await total();
    const res = await app.graphql(
      `mutation($id: ID!) { retractReport(id: $id, reason: "Counted twice by the school") { id status statusReason statusChangedAt } }`,
      { id: data.submitReport.id },
    );
    expect(res.data.retractReport).toMatchObject({ status: 'RETRACTED', statusReason: 'Counted twice by the school' });
    expect(await total()).toEqual({ totalActions: before.totalActions - 40, reportCount: before.reportCount - 1 });
    const again = await app.graphql(`mutation($id: ID!) { retractReport(id: $id, reason: "again") { id } }`, { id: data.submitReport.id });
    expect(again.errors[0].message).toContain('already retracted');
    expect(await verifyRollups(db.dataSource)).toEqual([]);
  });

  it('needs a reason', async () => {
    const { data } = await app.graphql(SUBMIT, { input: input({ reportId: 'R-2' }) });
    const res = await app.graphql(`mutation($id: ID!) { retractReport(id: $id, reason: "  ") { id } }`, { id: data.submitReport.id });
    expect(res.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('Mutation.correctReport', () => {
  it('supersedes the old report with the corrected one: history kept, totals count only the new one', async () => {
    const { data } = await app.graphql(SUBMIT, { input: input({ reportId: 'K-1', count: 100 }) });
    const before = await total();
    const res = await app.graphql(
      `mutation($id: ID!, $input: ReportInput!) { correctReport(id: $id, input: $input, reason: "typo") { id reportId count status } }`,
      { id: data.submitReport.id, input: input({ reportId: 'K-1-c1', count: 10 }) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.correctReport).toMatchObject({ reportId: 'K-1-c1', count: 10, status: 'ACTIVE' });
    const old = await app.graphql(`{ report(reportId: "K-1") { status statusReason supersededBy { id reportId } } }`);
    expect(old.data.report).toEqual({ status: 'SUPERSEDED', statusReason: 'typo', supersededBy: { id: res.data.correctReport.id, reportId: 'K-1-c1' } });
    expect(await total()).toEqual({ totalActions: before.totalActions - 90, reportCount: before.reportCount });
    expect(await verifyRollups(db.dataSource)).toEqual([]);
  });

  it('refuses the same reportId, a superseded report, and leaves everything as it was', async () => {
    const { data } = await app.graphql(SUBMIT, { input: input({ reportId: 'K-2' }) });
    const before = await total();
    const same = await app.graphql(`mutation($id: ID!, $input: ReportInput!) { correctReport(id: $id, input: $input) { id } }`, {
      id: data.submitReport.id,
      input: input({ reportId: 'K-2', count: 3 }),
    });
    expect(same.errors[0].message).toContain('new reportId');
    await app.graphql(`mutation($id: ID!, $input: ReportInput!) { correctReport(id: $id, input: $input) { id } }`, {
      id: data.submitReport.id,
      input: input({ reportId: 'K-2-c1', count: 3 }),
    });
    const twice = await app.graphql(`mutation($id: ID!, $input: ReportInput!) { correctReport(id: $id, input: $input) { id } }`, {
      id: data.submitReport.id,
      input: input({ reportId: 'K-2-c2', count: 4 }),
    });
    expect(twice.errors[0].message).toContain('already superseded');
    expect((await total()).totalActions).toBe(before.totalActions - 12 + 3);
  });
});

describe('Mutation.recordOutcome', () => {
  it('adds a dated outcome to a case and refuses the same kind on the same date', async () => {
    const { data } = await app.graphql(`{ campaign(year: 2024) { cases { id slug } } }`);
    const caseId = data.campaign.cases[0].id;
    const record = `mutation($caseId: ID!) { recordOutcome(caseId: $caseId, input: { date: "2025-03-01", kind: RELEASED, note: "Freed on bail" }) { date kind note positive } }`;
    const first = await app.graphql(record, { caseId });
    expect(first.data.recordOutcome).toEqual({ date: '2025-03-01', kind: 'RELEASED', note: 'Freed on bail', positive: true });
    const again = await app.graphql(record, { caseId });
    expect(again.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const unknown = await app.graphql(record, { caseId: '999999' });
    expect(unknown.errors[0].message).toContain('No case');
  });
});

describe('POST /api/imports and Query.imports', () => {
  const header = 'report_id,year,case,group_ref,group_name,group_type,action_type,count,written_on,reported_at,country,region,subdivision';
  const row = (id: string, count: string) => `${id},2024,li-wen,,,,PETITION,${count},,2024-12-12T10:00:00Z,MX,Americas,MX-JAL`;

  it('imports a CSV body and answers the summary as JSON', async () => {
    const res = await fetch(`${app.url}/api/imports?filename=dec.csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${app.adminToken}` },
      body: [header, row('U-1', '5'), row('U-2', '6')].join('\n'),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'COMMITTED', read: 2, imported: 2, duplicates: 0, rejected: 0 });
  });

  it('imports a multipart upload, and a dry run stores nothing', async () => {
    const form = new FormData();
    form.append('file', new Blob([[header, row('U-3', '7')].join('\n')], { type: 'text/csv' }), 'upload.csv');
    const dry = await fetch(`${app.url}/api/imports?dryRun=true`, { method: 'POST', body: form, headers: { authorization: `Bearer ${app.adminToken}` } });
    expect(await dry.json()).toMatchObject({ status: 'DRY_RUN', imported: 1 });
    expect((await app.graphql(`{ report(reportId: "U-3") { id } }`)).data.report).toBeNull();
    const real = await fetch(`${app.url}/api/imports`, { method: 'POST', body: form, headers: { authorization: `Bearer ${app.adminToken}` } });
    expect(await real.json()).toMatchObject({ status: 'COMMITTED', imported: 1 });
  });

  it('answers 422 with the errors for a bad file, and lists it in Query.imports', async () => {
    const res = await fetch(`${app.url}/api/imports?filename=bad.csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${app.adminToken}` },
      body: [header, row('U-4', '0')].join('\n'),
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.errors[0]).toMatchObject({ line: 2, column: 'count' });
    const { data } = await app.graphql(`{ imports { filename status rowsRead rowsImported rowsRejected errors { line column reason } createdBy { role } createdAt } }`);
    expect(data.imports[0]).toMatchObject({ filename: 'bad.csv', status: 'REJECTED', rowsRejected: 1, errors: [{ line: 2, column: 'count' }], createdBy: { role: 'admin' } });
    expect(data.imports.some((i: { filename: string; status: string }) => i.filename === 'dec.csv' && i.status === 'COMMITTED')).toBe(true);
  });

  it('answers 400 to a body that is not CSV', async () => {
    const res = await fetch(`${app.url}/api/imports`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${app.adminToken}` }, body: '{}' });
    expect(res.status).toBe(400);
  });
});
