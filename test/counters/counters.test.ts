import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disclosedActions } from '../../server/modules/counters/counter-disclosure';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

let db: TestDatabase;
let app: RunningApp;
let staff: string;
const REFRESH_MS = 400;
/** Statements the counters sent to the database on the read pool, and on the writers' pool (counted by wrapping their query). */
let counterQueries = 0;
let counterQueriesOnWriters = 0;

const CREATE = `mutation($input: CounterInput!) { createCounter(input: $input) { slug year region country shows title language suppressBelow paused } }`;

async function create(input: Record<string, unknown>): Promise<string> {
  const { data, errors } = await app.graphql(CREATE, { input: { year: 2024, shows: ['ACTIONS', 'COUNTRIES', 'CASES'], title: 'Letters so far', ...input } }, staff);
  expect(errors).toBeUndefined();
  return data.createCounter.slug;
}
const json = async (slug: string) => (await fetch(`${app.url}/c/${slug}.json`)).json();
const actions = (view: { figures: { figure: string; value: number | null; text: string }[] }) => view.figures.find((f) => f.figure === 'ACTIONS')!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
  await givenReports(db.dataSource, [
    report({ country: 'US', count: 500 }),
    report({ country: 'US', count: 300, caseSlug: 'li-wen' }),
    report({ country: 'BR', count: 400 }),
    report({ country: 'MX', count: 40 }),
    report({ country: 'DE', region: 'Europe', count: 1000, groupRef: 'G-DE', groupName: 'Berlin Marker Group' }),
    report({ country: 'FR', region: 'Europe', count: 20 }),
  ]);
  const writerQuery = db.dataSource.query.bind(db.dataSource);
  db.dataSource.query = ((sql: string, ...rest: unknown[]) => {
    if (sql.includes('FROM public_counter WHERE slug')) counterQueriesOnWriters++;
    return (writerQuery as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
  }) as typeof db.dataSource.query;
  app = await startApp(db.dataSource, { counterRefreshMs: REFRESH_MS });
  // counters read on the app's read pool, never on the writers' (the data source given to the app)
  const query = app.readPool.query.bind(app.readPool);
  app.readPool.query = ((sql: string, ...rest: unknown[]) => {
    if (sql.includes('FROM public_counter WHERE slug')) counterQueries++;
    return (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
  }) as typeof app.readPool.query;
  staff = await app.userToken('staff');
});
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

describe('creating counters', () => {
  it('is for staff and admins: a coordinator is refused, anonymous asked to sign in', async () => {
    const coordinator = await app.userToken('coordinator', ['Americas']);
    const input = { year: 2024, shows: ['ACTIONS'], title: 'x' };
    expect((await app.graphql(CREATE, { input }, coordinator)).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await app.graphql(CREATE, { input }, null)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await app.graphql(`{ counters { slug } }`, {}, coordinator)).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it.each([
    [{ language: 'de' }, 'language'],
    [{ country: 'XX' }, 'country'],
    [{ suppressBelow: 5 }, 'suppressBelow'],
    [{ title: '   ' }, 'title'],
    [{ shows: [] }, 'shows'],
    [{ year: 1999 }, 'year'],
  ])('refuses %j naming the field, storing nothing', async (bad, field) => {
    const before = (await app.graphql(`{ counters { slug } }`, {}, staff)).data.counters.length;
    const { errors } = await app.graphql(CREATE, { input: { year: 2024, shows: ['ACTIONS'], title: 'ok', ...bad } }, staff);
    expect(errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(errors[0].extensions.fields)).toEqual([field]);
    expect((await app.graphql(`{ counters { slug } }`, {}, staff)).data.counters.length).toBe(before);
  });

  it('gives each counter its own address and lists it for staff', async () => {
    const slug = await create({ title: 'Listed' });
    expect(slug).toMatch(/^[a-z0-9]{10}$/);
    const { data } = await app.graphql(`{ counters { slug title suppressBelow } }`, {}, staff);
    expect(data.counters).toContainEqual({ slug, title: 'Listed', suppressBelow: 100 });
  });
});

describe('a counter in public', () => {
  it('serves JSON with CORS and a cache a CDN may hold for one refresh interval, with no sign-in', async () => {
    const slug = await create({});
    const res = await fetch(`${app.url}/c/${slug}.json`, { headers: { origin: 'https://www.amnesty.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('public, max-age=1, s-maxage=1, stale-while-revalidate=6');
    const view = await res.json();
    expect(view).toMatchObject({ slug, title: 'Letters so far', year: 2024, language: 'en', dir: 'ltr', paused: false });
    expect(view.figures).toEqual([
      { figure: 'ACTIONS', value: 2260, text: '2,260', label: 'actions' },
      { figure: 'COUNTRIES', value: 5, text: '5', label: 'countries' },
      { figure: 'CASES', value: 2, text: '2', label: 'cases' },
    ]);
  });

  it('counts one region or one country', async () => {
    expect(actions(await json(await create({ region: 'Europe' }))).value).toBe(1020);
    expect(actions(await json(await create({ region: 'Americas' }))).value).toBe(1240);
    expect(actions(await json(await create({ country: 'us' }))).value).toBe(800);
  });

  it('never shows a small figure, nor one that leaves a small remainder of the region or campaign around it', async () => {
    const mx = actions(await json(await create({ country: 'MX' })));
    expect(mx).toEqual({ figure: 'ACTIONS', value: null, text: 'fewer than 100', label: 'actions' });
    // Europe minus Germany is France's 20: showing Germany would show France by subtraction
    expect(actions(await json(await create({ country: 'DE' }))).value).toBeNull();
    expect(actions(await json(await create({ country: 'DE', suppressBelow: 10 }))).value).toBe(1000);
  });

  it('shows no group: no name, no reference', async () => {
    const slug = await create({ region: 'Europe' });
    for (const kind of ['json', 'svg', '']) {
      const body = await (await fetch(`${app.url}/c/${slug}${kind && `.${kind}`}`)).text();
      expect(body).not.toMatch(/Berlin Marker|G-DE/);
    }
  });

  it('follows the live data within a refresh interval', async () => {
    const slug = await create({});
    expect(actions(await json(slug)).value).toBe(2260);
    await givenReports(db.dataSource, [report({ country: 'BR', count: 7 })]);
    await sleep(REFRESH_MS + 100);
    await json(slug); // the first request after the interval starts the read; readers share it
    expect(actions(await json(slug)).value).toBe(2267);
  });

  it('answers a thousand readers with one database read per refresh interval', async () => {
    const slug = await create({});
    await json(slug);
    const before = counterQueries;
    const started = Date.now();
    let answered = 0;
    while (answered < 2000) {
      const batch = await Promise.all(Array.from({ length: 50 }, () => fetch(`${app.url}/c/${slug}.json`).then((r) => r.status)));
      answered += batch.filter((s) => s === 200).length;
    }
    const intervals = Math.ceil((Date.now() - started) / REFRESH_MS);
    const reads = counterQueries - before;
    console.log(`counters: ${answered} requests in ${Date.now() - started} ms cost ${reads} database reads (${intervals} intervals)`);
    expect(reads).toBeLessThanOrEqual(intervals + 1);
    expect(reads).toBeGreaterThan(0);
    expect(counterQueriesOnWriters).toBe(0);
  });

  it('keeps serving its last figures while the database cannot be read', async () => {
    const slug = await create({});
    const neverRead = await create({ title: 'Never read' });
    const before = actions(await json(slug)).value;
    const query = app.readPool.query;
    app.readPool.query = (() => Promise.reject(new Error('connection terminated'))) as typeof query;
    try {
      await sleep(REFRESH_MS + 100);
      const res = await fetch(`${app.url}/c/${slug}.json`);
      expect(res.status).toBe(200);
      expect(actions(await res.json()).value).toBe(before);
      // a counter never read before cannot be shown: 503 and when to try again
      const fresh = await fetch(`${app.url}/c/${neverRead}.json`);
      expect(fresh.status).toBe(503);
      expect(fresh.headers.get('retry-after')).toBe('1');
    } finally {
      app.readPool.query = query;
    }
  });

  it('can be paused (no figures) and removed (404)', async () => {
    const slug = await create({});
    expect((await app.graphql(`mutation { setCounterPaused(slug: "${slug}", paused: true) { paused } }`, {}, staff)).data.setCounterPaused.paused).toBe(true);
    await sleep(REFRESH_MS + 100);
    await json(slug);
    const paused = await json(slug);
    expect(paused).toMatchObject({ paused: true, figures: [] });
    expect(await (await fetch(`${app.url}/c/${slug}.svg`)).text()).toContain('This counter is paused.');
    expect((await app.graphql(`mutation { removeCounter(slug: "${slug}") }`, {}, staff)).data.removeCounter).toBe(true);
    await sleep(REFRESH_MS + 100);
    await fetch(`${app.url}/c/${slug}.json`);
    expect((await fetch(`${app.url}/c/${slug}.json`)).status).toBe(404);
    expect((await fetch(`${app.url}/c/${slug}`)).status).toBe(404);
    expect((await fetch(`${app.url}/c/nothere123.json`)).status).toBe(404);
  });

  it('speaks Spanish, French and Arabic (right to left, Arabic-Indic digits)', async () => {
    expect((await json(await create({ language: 'es' }))).figures[0]).toMatchObject({ text: '2267', label: 'acciones' });
    expect((await json(await create({ language: 'fr', country: 'MX' }))).figures[0]).toMatchObject({ text: 'moins de 100', label: 'actions' });
    const ar = await json(await create({ language: 'ar', title: 'رسائل حتى الآن' }));
    expect(ar).toMatchObject({ dir: 'rtl', language: 'ar' });
    expect(ar.figures[0].text).toBe('٢٬٢٦٧');
  });

  it('serves an SVG badge, an iframe page any site may frame, and the embed script', async () => {
    const slug = await create({ title: 'Cartas <2024>' });
    const badge = await fetch(`${app.url}/c/${slug}.svg`);
    expect(badge.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const svg = await badge.text();
    expect(svg).toContain('Cartas &lt;2024&gt;');
    expect(svg).toContain('2,267 actions');
    const page = await fetch(`${app.url}/c/${slug}`);
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(page.headers.get('x-frame-options')).toBeNull();
    const html = await page.text();
    expect(html).toContain(`data-w4r-counter="${slug}"`);
    expect(html).not.toContain('<2024>');
    const script = await fetch(`${app.url}/c/embed.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(script.headers.get('access-control-allow-origin')).toBe('*');
    expect(await script.text()).toContain('data-w4r-counter');
  });
});

describe('disclosedActions', () => {
  it('hides below the threshold and when an enclosing scope would be left with a small remainder', () => {
    expect(disclosedActions(99, [], 100)).toBeNull();
    expect(disclosedActions(100, [], 100)).toBe(100);
    expect(disclosedActions(500, [500, 2000], 100)).toBe(500); // the only country of its region: nothing to subtract
    expect(disclosedActions(500, [599, 2000], 100)).toBeNull();
    expect(disclosedActions(500, [600, 2000], 100)).toBe(500);
  });
});
