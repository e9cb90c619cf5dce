import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { startApp, type RunningApp } from '../support/http';

/**
 * Design §7: "hostile GraphQL (deep, wide, aliased, huge `first`) …: clear errors, … server up."
 * Each request is refused with a clear error, a 4xx status or a GraphQL error with a code, in
 * bounded time (logged), and the server answers a normal query right after.
 */

let db: TestDatabase;
let app: RunningApp;

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
  await givenReports(db.dataSource, [report({ count: 7, groupRef: 'US-1' }), report({ count: 5 })]);
  app = await startApp(db.dataSource);
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

const NORMAL = '{ impact(filter: { year: 2024 }) { totalActions reportCount } }';
const REFUSE_WITHIN_MS = 5000;

interface Hostile {
  name: string;
  /** The request body, as sent (a string, so it may be anything). */
  body: () => string;
  /** Acceptable statuses; a 200 must carry a GraphQL error with one of `codes`. */
  statuses: number[];
  codes: string[];
  /** What the error message must say. */
  message: RegExp;
}

const json = (query: string, variables?: object) => JSON.stringify({ query, variables });
const nest = (depth: number, leaf: string, field: (inner: string) => string) => {
  let q = leaf;
  for (let i = 0; i < depth; i++) q = field(q);
  return q;
};

const CASES: Hostile[] = [
  {
    name: 'depth 50',
    // report { supersededBy { supersededBy { ... } } }: a legal query, 50 levels deep
    body: () => json(`{ report(reportId: "x") { ${nest(49, 'id', (inner) => `supersededBy { ${inner} }`)} } }`),
    statuses: [400],
    codes: ['GRAPHQL_VALIDATION_FAILED'],
    message: /depth|cost/i, // the cost of 50 nested levels is refused first
  },
  {
    name: 'depth 50 through introspection',
    body: () => json(`{ __schema { types { ${nest(48, 'name', (inner) => `fields { type { ${inner} } }`)} } } }`),
    statuses: [400],
    codes: ['GRAPHQL_VALIDATION_FAILED'],
    message: /depth|token/i,
  },
  {
    name: '10,000 aliases',
    body: () => json(`{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: campaigns { year }`).join(' ')} }`),
    statuses: [400],
    codes: ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'],
    message: /alias|token/i,
  },
  {
    name: '31 aliases (just over the limit, few tokens)',
    body: () => json(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: me { id }`).join(' ')} }`),
    statuses: [400],
    codes: ['GRAPHQL_VALIDATION_FAILED'],
    message: /alias/i,
  },
  {
    name: 'a fragment cycle',
    body: () => json(`query { ...A } fragment A on Query { campaigns { year } ...B } fragment B on Query { me { id } ...A }`),
    statuses: [400],
    codes: ['GRAPHQL_VALIDATION_FAILED'],
    message: /cannot spread fragment "A" within itself/i,
  },
  {
    name: 'a fragment cycle of 500 fragments',
    body: () =>
      json(`query { ...F0 } ${Array.from({ length: 500 }, (_, i) => `fragment F${i} on Query { ...F${(i + 1) % 500} }`).join(' ')}`),
    statuses: [400],
    codes: ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'],
    message: /within itself|token/i,
  },
  {
    name: 'first: 100000',
    body: () => json(`{ impact(filter: { year: 2024 }) { topGroups(first: 100000) { totalCount } } }`),
    statuses: [200, 400],
    codes: ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'],
    message: /first|cost/i, // the cost limit counts `first`
  },
  {
    name: 'notYetReported(first: 100000)',
    body: () => json(`{ notYetReported(year: 2024, first: 100000) { totalCount } }`),
    statuses: [200, 400],
    codes: ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'],
    message: /first|cost/i,
  },
  {
    name: 'first: 101 (just over the page size, cheap)',
    body: () => json(`{ impact(filter: { year: 2024 }) { topGroups(first: 101) { totalCount } } }`),
    statuses: [200],
    codes: ['BAD_USER_INPUT'],
    message: /first must not be greater than 100/i,
  },
  {
    name: 'a filter list of 100,000 values (variables)',
    body: () =>
      json(`query($f: ImpactFilter!) { impact(filter: $f) { totalActions } }`, {
        f: { countries: Array.from({ length: 100_000 }, (_, i) => `C${i}`) },
      }),
    statuses: [200, 400],
    codes: ['BAD_USER_INPUT'],
    message: /500|countries/i,
  },
  {
    name: 'a filter list of 100,000 values (inline)',
    body: () => json(`{ impact(filter: { countries: [${Array.from({ length: 100_000 }, (_, i) => `"C${i}"`).join(',')}] }) { totalActions } }`),
    statuses: [400, 413],
    codes: ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PAYLOAD_TOO_LARGE'],
    message: /token|too large|500/i,
  },
  {
    name: 'variables nested 100,000 arrays deep',
    body: () => `{"query":"query($f: ImpactFilter!) { impact(filter: $f) { totalActions } }","variables":{"f":{"countries":${'['.repeat(100_000)}${']'.repeat(100_000)}}}}`,
    statuses: [200, 400],
    codes: ['BAD_USER_INPUT'],
    message: /countries|String/i,
  },
  {
    name: 'a batched array body',
    body: () => JSON.stringify(Array.from({ length: 100 }, () => ({ query: NORMAL }))),
    statuses: [400],
    codes: ['BAD_REQUEST'],
    message: /batch/i,
  },
  {
    name: 'a 10 MB body',
    body: () => json(`{ report(reportId: "${'x'.repeat(10 * 2 ** 20)}") { id } }`),
    statuses: [413],
    codes: ['PAYLOAD_TOO_LARGE', 'BAD_REQUEST'],
    message: /too large/i,
  },
  {
    name: '1,000 directives',
    body: () => json(`{ campaigns ${'@include(if: true) '.repeat(1000)}{ year } }`),
    statuses: [400],
    codes: ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'],
    message: /directive|token/i,
  },
  {
    name: '21 directives (just over the limit, few tokens)',
    body: () => json(`{ campaigns ${'@skip(if: false) '.repeat(21)}{ year } }`),
    statuses: [400],
    codes: ['GRAPHQL_VALIDATION_FAILED'],
    message: /directive/i,
  },
  {
    name: 'two operations in one request without an operationName',
    body: () => json(`query A { me { id } } query B { campaigns { year } }`),
    statuses: [400],
    codes: ['OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST'],
    message: /operation/i,
  },
  {
    name: 'malformed JSON',
    body: () => '{"query": "{ me { id } }", ',
    statuses: [400],
    codes: ['BAD_REQUEST'],
    message: /JSON|parse|syntax/i,
  },
];

async function send(body: string) {
  const started = performance.now();
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.adminToken}` },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  let answer: any;
  try {
    answer = JSON.parse(text);
  } catch {
    answer = undefined;
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, answer, ms };
}

describe('hostile GraphQL requests', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s: refused with a clear error, and the server answers right after', async (_name, c) => {
    const body = c.body();
    const { status, contentType, text, answer, ms } = await send(body);
    const error = answer?.errors?.[0];
    console.log(
      `hostile-graphql: ${c.name} (${(Buffer.byteLength(body) / 1024).toFixed(0)} KB): refused in ${ms.toFixed(1)} ms, ` +
        `status ${status}, ${error ? `${error.extensions?.code}: ${String(error.message).slice(0, 100)}` : text.slice(0, 100)}`,
    );
    expect(c.statuses).toContain(status);
    expect(contentType).toMatch(/json/); // a GraphQL client can read it: no HTML error page
    expect(answer?.data?.impact ?? answer?.data?.campaigns ?? null).toBeNull();
    expect(c.codes).toContain(error?.extensions?.code);
    expect(error.message).toMatch(c.message);
    expect(text).not.toMatch(/\bat .+\.(js|ts):\d+/); // no stack trace
    expect(text.length).toBeLessThan(100_000); // the refusal does not echo the request
    expect(ms).toBeLessThan(REFUSE_WITHIN_MS);

    const normal = await send(json(NORMAL));
    expect(normal.status).toBe(200);
    expect(normal.answer.data.impact).toEqual({ totalActions: 12, reportCount: 2 });
  }, 60_000);

  it('stays up under all of them at once, then answers normally', async () => {
    const started = performance.now();
    const answers = await Promise.all(CASES.flatMap((c) => [send(c.body()), send(c.body())]));
    console.log(`hostile-graphql: all ${answers.length} at once refused in ${(performance.now() - started).toFixed(0)} ms`);
    expect(answers.every((a) => a.status >= 400 || a.answer?.errors?.length)).toBe(true);
    const normal = await send(json(NORMAL));
    expect(normal.answer.data.impact).toEqual({ totalActions: 12, reportCount: 2 });
  }, 60_000);
});
