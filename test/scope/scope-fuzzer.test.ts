import fc from 'fast-check';
import { buildClientSchema, getIntrospectionQuery, type GraphQLSchema } from 'graphql';
import { isDeepStrictEqual } from 'node:util';
import type { ReportRow } from '../../server/modules/reports/report-row';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';
import { findLeaks, type HttpAnswer, type LeakRules } from '../support/leak-finder';
import { OperationGenerator, type Draw, type GeneratedOperation } from '../support/operation-generator';
import {
  AREAS, BIG, CASES, OWN_REGION, YEARS, area, buildScopeWorld, othersChecksum, reportInput, staffWrite, type KnownGroup, type ScopeWorld,
} from '../support/scope-world';

/**
 * The scope fuzzer: random valid operations read from the schema, sent over HTTP as a coordinator
 * of the Americas, must never show anything of another region (in data, errors or headers), never
 * depend on another region's data, and never change it. FUZZ_SEED replays a run, FUZZ_RUNS sets
 * its length, FUZZ_ALL=1 lists every finding of the run instead of stopping at the first.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 14);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const findings: string[] = [];

let db: TestDatabase;
let app: RunningApp;
let world: ScopeWorld;
let coordinator: string;
let generator: OperationGenerator;
let rules: LeakRules;
const cursors = new Set<string>();
let made = 0;
/** Reports staff retracted while fuzzing. */
const retracted = new Set<string>();
/** Reports built for the operation being sent. */
const submitted: ReportRow[] = [];

const REGIONS = AREAS.map((a) => a.region);
const COUNTRIES = [...AREAS.flatMap((a) => a.countries.map((c) => c.code)), ...CASES.map((c) => c.country)];
const SUBDIVISIONS = AREAS.flatMap((a) => a.countries.flatMap((c) => c.subdivisions));

beforeAll(async () => {
  db = await createTestDatabase();
  app = await startApp(db.dataSource);
  world = await buildScopeWorld(db.dataSource, app);
  coordinator = await app.userToken('coordinator', [OWN_REGION]);
  const schema: GraphQLSchema = buildClientSchema(await staffWrite(app, getIntrospectionQuery()));
  generator = new OperationGenerator(schema, { scalar, inputs: { ReportInput: reportFor } });
  rules = leakRules();
  await weighRootFields();
  // cursors of every region, as staff see them, for the coordinator to try
  const pages = await staffWrite(app, `{
    impact(filter: {}) { topGroups(first: 5) { edges { cursor } } }
    groupRanking(filter: {}, first: 5) { edges { cursor } }
    notYetReported(year: 2025, first: 5) { edges { cursor } }
    recentReports(first: 5) { edges { cursor } } }`);
  collectCursors(pages);
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

describe('the scope fuzzer, as a coordinator of the Americas', () => {
  it(`runs ${RUNS} random operations (seed ${SEED}) without learning or changing anything of another region`, async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const draw: Draw = (arb) => g(() => arb);
        const op = generator.generate(draw, draw(fc.constantFrom(...Array(6).fill('query'), 'mutation')));
        const answer = await tryOperation(op, draw);
        if (answer.body && !answer.body.errors) answered++;
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(findings).toEqual([]);
    // the generator reached the data: most operations were answered without error
    expect(answered / RUNS).toBeGreaterThan(0.5);
  }, 600_000);
});

/**
 * Sends one operation and throws on any leak in its answer, on any change of other regions' data
 * (a mutation), and, now and then for a query, on any difference in its answer after staff change
 * other regions only.
 */
async function tryOperation(op: GeneratedOperation, draw: Draw): Promise<HttpAnswer> {
  const before = op.kind === 'mutation' ? await othersChecksum(db.dataSource) : null;
  const answer = await send(op);
  const problems = findLeaks(answer, `${op.query} ${JSON.stringify(op.variables)}`, rules);
  if (before !== null && (await othersChecksum(db.dataSource)) !== before) problems.push("another region's data changed");
  if (op.kind === 'query' && draw(fc.noBias(fc.integer({ min: 1, max: 8 }))) === 1) {
    const change = await changeOtherRegions(draw, op);
    const again = await send(op);
    if (!isDeepStrictEqual(comparable(answer), comparable(again))) {
      problems.push(`the answer changed when staff ${change}; now: ${JSON.stringify(comparable(again)).slice(0, 1500)}`);
    }
  }
  collectCursors(answer.body);
  // what the coordinator stored is theirs to see
  if (answer.body?.data && !answer.body.errors) submitted.forEach((row) => world.remember(row));
  submitted.length = 0;
  if (problems.length) {
    const finding = `${problems.join('\n')}\n${op.query}\nvariables: ${JSON.stringify(op.variables)}\nanswer: ${answer.text.slice(0, 1500)}`;
    if (!process.env.FUZZ_ALL) throw new Error(`${finding}\n(replay: FUZZ_SEED=${SEED})`);
    findings.push(finding);
  }
  return answer;
}

/**
 * Root fields a coordinator may not use at all are tried rarely, the others often: each is tried
 * three times first. Sign-in and sign-out (of this session or of all) are left out: they manage the
 * session the fuzzer runs on.
 */
async function weighRootFields(): Promise<void> {
  generator.weights.set('login', 0);
  generator.weights.set('logout', 0);
  generator.weights.set('signOutEverywhere', 0);
  const [g] = fc.sample(fc.gen(), { seed: SEED, numRuns: 1 });
  const draw: Draw = (arb) => g(() => arb);
  for (const kind of ['query', 'mutation'] as const) {
    for (const field of generator.rootFields(kind).filter((f) => generator.weights.get(f.name) !== 0)) {
      let refused = 0;
      for (let i = 0; i < 3; i++) {
        const { body } = await tryOperation(generator.generate(draw, kind, field.name), draw);
        if (body?.errors?.some((e: any) => e.extensions?.code === 'FORBIDDEN' && e.path?.length === 1)) refused++;
      }
      generator.weights.set(field.name, refused === 3 ? 1 : 10);
    }
  }
}

async function send(op: GeneratedOperation): Promise<HttpAnswer> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${coordinator}` },
    body: JSON.stringify({ query: op.query, variables: op.variables }),
  });
  const text = await res.text();
  let body: HttpAnswer['body'] = null;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: checked as text
  }
  return { status: res.status, headers: res.headers, body, text };
}

function leakRules(): LeakRules {
  return {
    markers: world.markers(),
    codes: world.otherCountries(),
    big: BIG,
    ids: { LetterReport: world.otherReportIds(), Group: world.otherGroupIds() },
  };
}

/** What must not change when only other regions change: the answer without its times and versions (aliased too). */
function comparable(answer: HttpAnswer): unknown {
  return JSON.parse(JSON.stringify({ data: answer.body?.data, errors: answer.body?.errors, status: answer.status }, (key, value) =>
    /^(dataVersion|asOf)\d*$/.test(key) || key === 'extensions' || key === 'locations' ? undefined : value));
}

function collectCursors(value: unknown): void {
  if (Array.isArray(value)) value.forEach(collectCursors);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'cursor' || key === 'endCursor') && typeof v === 'string' && cursors.size < 500) cursors.add(v);
      else collectCursors(v);
    }
  }
}

/**
 * Staff write in other regions only, mostly in a year the operation asks about and for groups that
 * also report in the Americas (whose figures, place and "not yet reported" the coordinator sees):
 * a new report, or the retraction of one.
 */
async function changeOtherRegions(draw: Draw, op: GeneratedOperation): Promise<string> {
  const asked = YEARS.filter((y) => `${op.query} ${JSON.stringify(op.variables)}`.includes(String(y)));
  const year = draw(fc.constantFrom(...asked, ...asked, ...YEARS));
  const seen = (ref: string | null) => !!ref && !!world.groups.get(ref)?.regions.has(OWN_REGION);
  const active = [...world.stored].filter(([id, r]) => r.region !== OWN_REGION && !retracted.has(id));
  const targets = active.filter(([, r]) => r.year === year && seen(r.groupRef));
  if (draw(fc.boolean()) && targets.length) {
    const [id] = draw(fc.oneof({ arbitrary: fc.constantFrom(...targets), weight: 3 }, { arbitrary: fc.constantFrom(...active), weight: 1 }));
    await app.graphql(`mutation($id: ID!) { retractReport(id: $id, reason: "fuzz") { id } }`, { id });
    retracted.add(id);
    return `retracted report ${id}`;
  }
  const group = draw<KnownGroup | null>(fc.oneof(
    { arbitrary: fc.constantFrom(...[...world.groups.values()].filter((g) => seen(g.ref))), weight: 3 },
    { arbitrary: fc.option(fc.constantFrom(...world.groups.values())) as fc.Arbitrary<KnownGroup | null>, weight: 1 },
  ));
  const region = draw(fc.constantFrom(...REGIONS.filter((r) => r !== OWN_REGION)));
  const row = world.row(region, year, draw(fc.nat(99)), group);
  const { submitReport } = await staffWrite(app, `mutation($input: ReportInput!) { submitReport(input: $input) { id } }`, { input: reportInput(row) });
  world.remember(row);
  world.stored.set(submitReport.id, { region, year, groupRef: group?.ref ?? null });
  return `submitted ${row.reportId} in ${region} for ${group?.ref ?? 'no group'}`;
}

/** A report a coordinator might send: mostly their own region, sometimes another's, any group or report id. */
function reportFor(draw: Draw): Record<string, unknown> {
  const region = draw(fc.constantFrom(...Array(4).fill(OWN_REGION), ...REGIONS));
  const group: KnownGroup | null = draw(fc.option(fc.oneof(
    fc.constantFrom(...world.groups.values()),
    fc.constant({ ref: `${area(region).code}-N${++made}`, name: `${area(region).word} new circle ${made}`, type: 'SCHOOL', regions: new Set<string>() }),
  )));
  const renamed = group && draw(fc.boolean()) ? { ...group, name: `${group.name} renamed` } : group;
  const row = world.row(region, draw(fc.constantFrom(...YEARS)), draw(fc.nat(99)), renamed);
  // a new id, or one already stored in any region
  const reportId = draw(fc.oneof(fc.constant(row.reportId), fc.constantFrom(...world.reports.keys())));
  if (reportId === row.reportId) submitted.push(row);
  return { ...reportInput(row), reportId };
}

function scalar(name: string, type: string, draw: Draw): unknown {
  const pick = <T>(...values: T[]) => draw(fc.constantFrom(...values));
  switch (name) {
    case 'year':
    case 'years': return pick(2023, 2024, 2025, 2025, 2026, 2026, 2027);
    case 'first': return draw(fc.oneof({ arbitrary: fc.integer({ min: 1, max: 30 }), weight: 19 }, { arbitrary: fc.constantFrom(0, 101, 500), weight: 1 }));
    case 'after': return cursors.size ? draw(fc.oneof({ arbitrary: fc.constantFrom(...cursors), weight: 9 }, { arbitrary: fc.constant('bm90LWEtY3Vyc29y'), weight: 1 })) : null;
    // reports staff corrected or retracted often: their replacements are elsewhere
    case 'reportId': return draw(fc.oneof(fc.constantFrom(...world.changed), fc.constantFrom(...world.reports.keys(), 'NO-SUCH-REPORT')));
    case 'id': return pick(...[...world.groups.values()].map((g) => g.id!), ...world.stored.keys(), ...world.caseIds, '999999');
    case 'groupIds': return pick(...[...world.groups.values()].map((g) => g.id!));
    case 'caseId':
    case 'caseIds': return pick(...world.caseIds);
    case 'regions':
    case 'region': return pick(...REGIONS);
    case 'countries':
    case 'caseCountries':
    case 'country': return pick(...COUNTRIES);
    case 'subdivisions':
    case 'subdivision': return pick(...SUBDIVISIONS);
    case 'search': return pick('circle', 'Travelling', 'CDR-G', 'TRV', 'G1', ...AREAS.flatMap((a) => [a.word, `${a.code}-G`]));
    case 'slug':
    case 'against': return pick('w4r-2025-final', 'no-such-snapshot');
    case 'email': return pick('nobody@test.w4r', 'fuzz@test.w4r');
    case 'password': return 'a-long-fuzz-password';
    case 'role': return pick('admin', 'staff', 'coordinator');
    case 'title':
    case 'reason':
    case 'note': return 'fuzz';
    default: return type === 'Int' ? draw(fc.integer({ min: 1, max: 50 })) : undefined;
  }
}
