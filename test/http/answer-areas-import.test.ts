import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from '../../server/modules/imports/import-csv';
import { csvRow, csvStream, csvText } from '../support/csv';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { eventually } from '../support/eventually';
import { givenBrazilPolandAndThePastYear, TOTAL_QUERY as TOTAL } from '../support/answer-areas-world';
import { startApp, type RunningApp } from '../support/http';

// An import invalidates the answers of the years and areas of the rows it stored, and the list of
// imports: not every cached answer.

let db: TestDatabase;
let app: RunningApp;
let reader: string;

const BRAZIL = { year: 2024, countries: ['BR'] };
const POLAND = { year: 2024, countries: ['PL'] };
const PAST = { year: 2023 };

beforeAll(async () => {
  db = await createTestDatabase();
  await givenBrazilPolandAndThePastYear(db.dataSource);
  app = await startApp(db.dataSource);
  reader = await app.userToken('staff');
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

async function ask(filter: object): Promise<{ total: number; hit: boolean; version: number }> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${reader}` },
    body: JSON.stringify({ query: TOTAL, variables: { filter } }),
  });
  const body = await res.json();
  expect(body.errors).toBeUndefined();
  return { total: body.data.impact.totalActions, hit: res.headers.get('x-answer-cache') === 'hit', version: body.extensions.freshness.dataVersion };
}

describe('an import, for the answers kept', () => {
  it("refreshes its rows' areas and the list of imports, and leaves other areas and past years cached", async () => {
    const brazil = await ask(BRAZIL);
    await ask(PAST);
    const imports = async () => (await app.graphql('{ imports { filename } }', {}, reader)).data.imports.map((i: { filename: string }) => i.filename);
    expect(await imports()).toEqual([]);
    const summary = await importCsv(db.dataSource, csvStream(csvText([csvRow({ country: 'PL', region: 'Europe and Central Asia', subdivision: '', count: 5 })])), { filename: 'poland.csv' });
    expect(summary.status).toBe('COMMITTED');
    expect((await eventually(() => ask(POLAND), (a) => a.total === 25)).total).toBe(25);
    expect(await eventually(() => ask(BRAZIL), (a) => a.version > brazil.version)).toMatchObject({ hit: true, total: 10 });
    expect(await ask(PAST)).toMatchObject({ hit: true, total: 30 });
    expect(await eventually(imports, (list) => list.length === 1)).toEqual(['poland.csv']);
  });
});
