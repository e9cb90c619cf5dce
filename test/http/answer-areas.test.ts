import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenBrazilPolandAndThePastYear, TOTAL_QUERY as TOTAL } from '../support/answer-areas-world';
import { csvText, individualRow } from '../support/csv';
import { givenReports, report } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';
import { subscribeFigures } from '../support/live';
import { eventually } from '../support/eventually';

// A write invalidates only the answers it can change: those that read its campaign year and area.

let db: TestDatabase;
let app: RunningApp;
let reader: string;
let writer: string;
let serial = 0;

const BRAZIL = { year: 2024, countries: ['BR'] };
const POLAND = { year: 2024, countries: ['PL'] };
const EUROPE = { year: 2024, regions: ['Europe and Central Asia'] };
const WHOLE = { year: 2024 };
const PAST = { year: 2023 };

beforeAll(async () => {
  db = await createTestDatabase();
  await givenBrazilPolandAndThePastYear(db.dataSource);
  app = await startApp(db.dataSource);
  [reader, writer] = [await app.userToken('staff'), await app.userToken('staff')];
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

async function ask(filter: object, token = reader): Promise<{ total: number; hit: boolean; version: number }> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: TOTAL, variables: { filter } }),
  });
  const body = await res.json();
  expect(body.errors).toBeUndefined();
  return { total: body.data.impact.totalActions, hit: res.headers.get('x-answer-cache') === 'hit', version: body.extensions.freshness.dataVersion };
}

async function submit(fields: { country: string; region: string; year?: number; count: number }, token = writer): Promise<string> {
  const year = fields.year ?? 2024;
  const answer = await app.graphql(`mutation($input: ReportInput!) { submitReport(input: $input) { id } }`, {
    input: { reportId: `AREA-${++serial}`, caseSlug: 'ana-ruiz', actionType: 'LETTER', reportedAt: `${year}-12-11T10:00:00Z`, ...fields, year },
  }, token);
  expect(answer.errors).toBeUndefined();
  return answer.data.submitReport.id;
}

/** Asks until the answer for everyone (not only the writer) shows `total`; at most 2 s. */
async function untilShared(filter: object, total: number): Promise<void> {
  const deadline = Date.now() + 2000;
  while ((await ask(filter)).total !== total) {
    expect(Date.now()).toBeLessThan(deadline);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('answers keyed by the years and areas they read', () => {
  it('a report from Poland leaves Brazil and past years served from the cache, and changes what includes Poland', async () => {
    const before = { brazil: await ask(BRAZIL), past: await ask(PAST), whole: await ask(WHOLE), europe: await ask(EUROPE) };
    expect((await ask(BRAZIL)).hit).toBe(true);
    expect((await ask(PAST)).hit).toBe(true);
    await submit({ country: 'PL', region: 'Europe and Central Asia', count: 5 });
    await untilShared(POLAND, 25);
    // the shared version itself advances within a second of the write (at most one advance a second)
    const brazil = await eventually(() => ask(BRAZIL), (a) => a.version > before.brazil.version, 2000);
    const past = await ask(PAST);
    expect(brazil).toMatchObject({ hit: true, total: before.brazil.total });
    expect(past).toMatchObject({ hit: true, total: 30 });
    // served at the new version, although computed before it
    expect(brazil.version).toBeGreaterThan(before.brazil.version);
    expect(await ask(WHOLE)).toMatchObject({ hit: false, total: before.whole.total + 5 });
    expect(await ask(EUROPE)).toMatchObject({ hit: false, total: before.europe.total + 5 });
  });

  it('a correction moving a report from Brazil to Poland, and to another year, changes both sides', async () => {
    const id = await submit({ country: 'BR', region: 'Americas', count: 7 });
    await untilShared(BRAZIL, 17);
    const poland = (await ask(POLAND)).total;
    const past = (await ask(PAST)).total;
    expect((await ask(BRAZIL)).hit).toBe(true);
    expect((await ask(POLAND)).hit).toBe(true);
    const corrected = await app.graphql(`mutation($id: ID!, $input: ReportInput!) { correctReport(id: $id, input: $input, reason: "wrong country") { id } }`, {
      id,
      input: { reportId: `AREA-${++serial}`, year: 2024, caseSlug: 'ana-ruiz', actionType: 'LETTER', count: 7, reportedAt: '2024-12-11T10:00:00Z', country: 'PL', region: 'Europe and Central Asia' },
    }, writer);
    expect(corrected.errors).toBeUndefined();
    await untilShared(BRAZIL, 10);
    expect(await ask(POLAND)).toMatchObject({ hit: false, total: poland + 7 });
    expect(await ask(PAST)).toMatchObject({ hit: true, total: past });

    const moved = await app.graphql(`mutation($id: ID!, $input: ReportInput!) { correctReport(id: $id, input: $input, reason: "wrong year") { id } }`, {
      id: corrected.data.correctReport.id,
      input: { reportId: `AREA-${++serial}`, year: 2023, caseSlug: 'ana-ruiz', actionType: 'LETTER', count: 7, reportedAt: '2023-12-11T10:00:00Z', country: 'PL', region: 'Europe and Central Asia' },
    }, writer);
    expect(moved.errors).toBeUndefined();
    await untilShared(POLAND, poland);
    expect(await ask(PAST)).toMatchObject({ hit: false, total: past + 7 });
  });

  it('shows writers their own write at once, whatever else is being written', async () => {
    const whole = (await ask(WHOLE, writer)).total;
    for (let i = 0; i < 5; i++) {
      await submit({ country: 'BR', region: 'Americas', count: 1 });
      expect((await ask(WHOLE, writer)).total).toBe(whole + i + 1);
    }
  });

  it('shows whoever imports a file their import at once, the import list included', async () => {
    const imports = async (): Promise<string[]> =>
      (await app.graphql(`{ imports(first: 50) { filename } }`, {}, writer)).data.imports.map((i: { filename: string }) => i.filename);
    const whole = (await ask(WHOLE, writer)).total;
    // one after another, within the second a shared answer may lag behind
    for (let i = 1; i <= 3; i++) {
      const filename = `section-${i}-${Date.now()}.csv`;
      const res = await fetch(`${app.url}/api/imports?filename=${filename}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${writer}` },
        body: csvText([individualRow({ report_id: `AREA-${++serial}`, count: 2, country: 'BR', region: 'Americas' })]),
      });
      expect((await res.json()).status).toBe('COMMITTED');
      expect((await ask(WHOLE, writer)).total).toBe(whole + 2 * i);
      expect(await imports()).toContain(filename);
    }
  });
});

describe('shared answers under a stream of writes', () => {
  it('advance at most about once a second; open dashboards get the final figures within 2 s', async () => {
    // quiet first, so the burst starts a new second
    await new Promise((r) => setTimeout(r, 1100));
    const live = subscribeFigures(app.url, { token: reader });
    try {
      const first = await live.waitFor(() => true);
      const before = (await ask(WHOLE)).total;
      const started = performance.now();
      // 20 writes, one transaction each, all at once (one by one, forms take longer than a second on a loaded machine)
      await Promise.all(Array.from({ length: 20 }, () => givenReports(db.dataSource, [report({ count: 1, country: 'BR', region: 'Americas' })])));
      const lastWrite = performance.now();
      const final = await live.waitFor((e) => e.dataVersion >= first.dataVersion + 20, 2000);
      expect(final.at - lastWrite).toBeLessThan(2000);
      expect((await ask(WHOLE)).total).toBe(before + 20);
      const advances = live.events.filter((e) => e.dataVersion > first.dataVersion);
      const span = lastWrite - started;
      console.log(`20 writes stored in ${span.toFixed(0)} ms; advances heard: ${advances.map((e) => `${e.dataVersion} at ${(e.at - started).toFixed(0)} ms`).join(', ')}`);
      // one advance at the first write, then one a second at most (two when the writes fit in a second)
      expect(advances.length).toBeLessThanOrEqual(1 + Math.ceil(span / 1000));
      if (span <= 1000) expect(advances.length).toBeLessThanOrEqual(2);
      for (let i = 1; i < advances.length; i++) expect(advances[i].at - advances[i - 1].at).toBeGreaterThanOrEqual(800); // sent a second apart, heard with some delay
    } finally {
      await live.close();
    }
  });
});
