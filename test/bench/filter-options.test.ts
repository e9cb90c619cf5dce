import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageWaves, type Request } from '../../bench/page-requests';
import { NO_FILTERS } from '../../client/filters/filter-params';
import { eventually } from '../support/eventually';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

// The filter bar's options as the overview sends them (the client's own documents, through
// bench/page-requests.ts), over HTTP: the area-level lists are asked alike from every country of a
// region, and a country's subdivisions read that country only, so a write in Brazil leaves
// Argentina's subdivisions cached.

let db: TestDatabase;
let app: RunningApp;
let coordinator: string;

const AMERICAS = 'Americas';
const current = { year: 2024, writingStarts: '2024-11-20' };
const previous = { year: 2023, writingStarts: '2023-11-20' };

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2023), campaign(2024));
  await givenReports(db.dataSource, [
    report({ country: 'BR', region: AMERICAS, subdivision: 'BR-SP' }),
    report({ country: 'AR', region: AMERICAS, subdivision: 'AR-B' }),
  ]);
  app = await startApp(db.dataSource);
  coordinator = await app.userToken('coordinator', [AMERICAS]);
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

/** The overview's filter-option requests for a country of the Americas, as its coordinator sends them. */
function filterRequests(country: string): Record<string, Request> {
  const [wave] = pageWaves('overview', current, previous, { ...NO_FILTERS, region: AMERICAS, country }, 'coordinator');
  return Object.fromEntries(wave({}).filter((r) => r.operationName.startsWith('Filter')).map((r) => [r.operationName, r]));
}

async function send(request: Request): Promise<{ data: any; hit: boolean; version: number }> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${coordinator}` },
    body: JSON.stringify(request),
  });
  const body = await res.json();
  expect(body.errors).toBeUndefined();
  return { data: body.data, hit: res.headers.get('x-answer-cache') === 'hit', version: body.extensions.freshness.dataVersion };
}

describe("the filter bar's options", () => {
  it('are one request for every country of a region, and a write in one country leaves the subdivisions of another cached', async () => {
    const brazil = filterRequests('BR');
    const argentina = filterRequests('AR');
    expect(Object.keys(argentina).sort()).toEqual(['FilterOptions', 'FilterSubdivisions']);
    // the area-level part: the same body (one cached answer) from each country of the region
    expect(argentina.FilterOptions).toEqual(brazil.FilterOptions);
    expect((await send(argentina.FilterSubdivisions)).data.subdivisions.bySubdivision.map((s: { key: string }) => s.key)).toEqual(['AR-B']);
    await send(brazil.FilterSubdivisions);
    const before = await send(argentina.FilterSubdivisions);
    expect(before.hit).toBe(true);

    const written = await app.graphql(`mutation($input: ReportInput!) { submitReport(input: $input) { id } }`, {
      input: { reportId: 'FILTER-1', year: 2024, caseSlug: 'ana-ruiz', actionType: 'LETTER', count: 1, reportedAt: '2024-12-11T10:00:00Z', country: 'BR', region: AMERICAS, subdivision: 'BR-RJ' },
    });
    expect(written.errors).toBeUndefined();
    // once the shared version has moved past the write, Brazil's subdivisions are recomputed and Argentina's are not
    const brazilAfter = await eventually(() => send(brazil.FilterSubdivisions), (a) => a.data.subdivisions.bySubdivision.length === 2);
    expect(brazilAfter.hit).toBe(false);
    const argentinaAfter = await send(argentina.FilterSubdivisions);
    expect(argentinaAfter.version).toBeGreaterThan(before.version);
    expect(argentinaAfter.hit).toBe(true);
  });
});
