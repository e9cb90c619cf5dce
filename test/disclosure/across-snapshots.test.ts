import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../../seeds/demo';
import { determined } from '../../server/modules/disclosure/suppress';
import { buildSnapshotContent, type SnapshotContent } from '../../server/modules/snapshots/snapshot-content';
import { BREAKDOWNS, breakdownCell, caseCell, scopeCell } from '../../server/modules/snapshots/snapshot-disclosure';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';
import { regionsOfCountries } from '../support/snapshot-tables';

/**
 * Every published snapshot of a year read together, as a determined reader would: each table of each
 * snapshot (a total and the rows that add up to it, plus what nobody publishes) is one equation, and a
 * figure shown anywhere is known everywhere. Two snapshots' cells are one figure when they count the
 * same reports: the same cell at the same value, or a scope of one country (region, ...) and that
 * country's row elsewhere. No figure hidden in every snapshot may be fixed by all the equations.
 */

let db: TestDatabase;
let app: RunningApp;
let regionsOf: Map<string, string[]>;

const YEAR = 2025;
const PUBLISH = `mutation($input: PublishSnapshotInput!) { publishSnapshot(input: $input) { slug } }`;

interface Published {
  slug: string;
  threshold: number;
  filter: Record<string, string[]>;
  shown: SnapshotContent;
  /** The same figures with nothing hidden, read right after publishing. */
  actual: SnapshotContent;
}
const published: Published[] = [];
const refused: string[] = [];

async function publish(slug: string, threshold: number, filter: Record<string, string[]> = {}, replace = false): Promise<boolean> {
  const { data, errors } = await app.graphql(PUBLISH, {
    input: { year: YEAR, title: slug, slug, filter, suppressBelow: threshold, includeGroupNames: true, replace },
  });
  if (errors) {
    // refusing a scope is always safe
    expect(errors[0].extensions.code, JSON.stringify(errors)).toBe('BAD_USER_INPUT');
    refused.push(`${slug}: ${errors[0].message}`);
    return false;
  }
  const shown: SnapshotContent = await (await fetch(`${app.url}/s/${data.publishSnapshot.slug}.json`)).json();
  const actual = await db.dataSource.transaction('REPEATABLE READ', (m) =>
    buildSnapshotContent(m, YEAR, { ...filter, year: null }, { suppressBelow: 0, includeGroupNames: true }, false));
  published.push({ slug, threshold, filter, shown, actual });
  return true;
}

interface Equation {
  /** The figure each term stands for (`cell@value`), +1 for the total and -1 for the parts. */
  terms: Map<string, number>;
  snapshot: string;
  table: string;
}

/** The tables of one snapshot as equations over figures, with the figures each shows. */
function equationsOf(p: Published): { equations: Equation[]; figures: Map<string, number | null> } {
  const figure = new Map<string, string>();
  const value = new Map<string, number>();
  const figures = new Map<string, number | null>();
  const add = (id: string, actual: number, published: number | null, as = id) => {
    const f = `${as}@${actual}`;
    figure.set(id, f);
    value.set(id, actual);
    figures.set(f, published);
  };
  // a scope of one country is that country's row in a wider snapshot
  add('total', p.actual.totals.actions, p.shown.totals.actions, scopeCell(p.filter) ?? `total:${p.slug}`);
  p.actual.cases.forEach((c, i) => add(caseCell(c.slug), c.actions!, p.shown.cases[i].actions));
  for (const b of BREAKDOWNS) {
    const rows = p.shown[b] ?? [];
    for (const r of p.actual[b] ?? []) add(breakdownCell(b, r.key), r.actions!, rows.find((s) => s.key === r.key)!.actions);
  }
  const ids = (b: (typeof BREAKDOWNS)[number], keys: (key: string) => boolean) =>
    (p.actual[b] ?? []).filter((r) => keys(r.key)).map((r) => breakdownCell(b, r.key));
  const tables: { total: string; parts: string[]; name: string }[] = [
    { name: 'cases', total: 'total', parts: p.actual.cases.map((c) => caseCell(c.slug)) },
    ...BREAKDOWNS.filter((b) => p.actual[b]).map((b) => ({ name: b, total: 'total', parts: ids(b, () => true) })),
    ...p.actual.byCaseCountry.map((cc) => ({
      name: `case country ${cc.key}`, total: breakdownCell('byCaseCountry', cc.key),
      parts: p.actual.cases.filter((c) => c.country === cc.key).map((c) => caseCell(c.slug)),
    })),
    ...p.actual.byCountry.map((k) => ({ name: `country ${k.key}`, total: breakdownCell('byCountry', k.key), parts: ids('bySubdivision', (s) => s.startsWith(`${k.key}-`)) })),
    ...p.actual.byRegion.map((r) => ({
      name: `region ${r.key}`, total: breakdownCell('byRegion', r.key),
      parts: ids('byCountry', (k) => regionsOf.get(k)?.length === 1 && regionsOf.get(k)![0] === r.key),
    })),
  ];
  const equations = tables.filter((t) => t.parts.length > 0).map((t) => {
    const terms = new Map<string, number>([[figure.get(t.total)!, 1]]);
    for (const id of t.parts) terms.set(figure.get(id)!, (terms.get(figure.get(id)!) ?? 0) - 1);
    // what nobody publishes (reports without a subdivision, groups beyond the list): unknown when large
    const rest = value.get(t.total)! - t.parts.reduce((s, id) => s + value.get(id)!, 0);
    if (rest >= p.threshold) terms.set(`rest of ${t.name} in ${p.slug}`, -1);
    return { terms, snapshot: p.slug, table: t.name };
  });
  return { equations, figures };
}

/**
 * The hidden figures that all published snapshots together give back: shown by another, or fixed by
 * the equations with every shown figure known. A figure a snapshot shows before any hides it was
 * public by choice (a lower threshold): a later, stricter one cannot take it back, only not lean on it.
 */
function recoverable(): string[] {
  const all = published.map(equationsOf);
  const first = (f: string, hidden: boolean) => all.findIndex((s) => s.figures.has(f) && (s.figures.get(f) === null) === hidden);
  const known = new Set(all.flatMap((s) => [...s.figures].filter(([, v]) => v !== null).map(([f]) => f)));
  const rows = all.flatMap((s) => s.equations).map((e) => new Map([...e.terms].filter(([f]) => !known.has(f))));
  const solved = new Set(determined(rows));
  const hidden = new Set(all.flatMap((s) => [...s.figures].filter(([, v]) => v === null).map(([f]) => f)));
  return [...hidden]
    .filter((f) => first(f, false) < 0 || first(f, false) > first(f, true))
    .flatMap((f) =>
      known.has(f) ? [`${f}: hidden in ${published[first(f, true)].slug}, shown in ${published[first(f, false)].slug}`]
      : solved.has(f) ? [`${f}: hidden in ${published[first(f, true)].slug}, recomputed from all snapshots`]
      : []);
}

beforeAll(async () => {
  db = await createTestDatabase();
  await loadDemoData(db.dataSource);
  regionsOf = await regionsOfCountries(db.dataSource, YEAR);
  app = await startApp(db.dataSource);
}, 300_000);
afterAll(async () => {
  await app?.stop();
  await db?.drop();
});

describe('snapshots of overlapping scopes, read together (demo data, 2025)', () => {
  it('give back no hidden figure: thresholds 10, 200 and 1,000, the campaign, a region, a country, and a scope published again as data moved', async () => {
    const europe = { regions: ['Europe and Central Asia'] };
    const complements: { slug: string; filter: Record<string, string[]> }[] = [];
    // what a region's snapshot would hide to protect a small figure (its complements), published
    // first as scopes of their own: the region must not lean on figures already public
    const plan = await db.dataSource.transaction('REPEATABLE READ', async (m) => [
      await buildSnapshotContent(m, YEAR, { ...europe, year: null }, { suppressBelow: 200, includeGroupNames: true }),
      await buildSnapshotContent(m, YEAR, { ...europe, year: null }, { suppressBelow: 0, includeGroupNames: true }, false),
    ]);
    for (const [b, field] of [['bySubdivision', 'subdivisions'], ['byCountry', 'countries']] as const) {
      plan[0][b].forEach((r, i) => {
        if (r.actions === null && plan[1][b][i].actions! >= 200) complements.push({ slug: `${r.key.toLowerCase()}-200`, filter: { [field]: [r.key] } });
      });
    }
    expect(complements.length).toBeGreaterThan(0);
    for (const c of complements) await publish(c.slug, 200, c.filter);
    await publish('campaign-200', 200);
    await publish('europe-200', 200, europe);
    await publish('europe-1000', 1000, europe);
    // a lenient snapshot after the strict ones, and a strict one after it
    await publish('europe-10', 10, europe);
    await publish('campaign-10', 10);
    await publish('campaign-1000', 1000);
    // a country that a wider snapshot hides to protect another (a complement), published as its own scope
    for (const p of [...published]) {
      const complement = p.shown.byCountry.find((k, i) => k.actions === null && p.actual.byCountry[i].actions! >= p.threshold);
      if (complement) await publish(`${p.slug}-${complement.key.toLowerCase()}`, 10, { countries: [complement.key] });
    }
    // one country of the region, and the region's largest country
    await publish('switzerland-200', 200, { countries: ['CH'] });
    const largest = published.find((p) => p.slug === 'europe-200')?.actual.byCountry[0].key;
    if (largest) await publish('largest-200', 200, { countries: [largest] });

    // data moves: a few of Europe's reports are retracted, and the region is published again
    const moved: { id: string }[] = await db.dataSource.query(
      `SELECT id::text FROM letter_report WHERE year = $1 AND region = $2 AND status = 'ACTIVE' ORDER BY count DESC, id LIMIT 3`, [YEAR, europe.regions[0]]);
    for (const { id } of moved) {
      const { errors } = await app.graphql(`mutation($id: ID!) { retractReport(id: $id, reason: "sent twice") { id } }`, { id });
      expect(errors).toBeUndefined();
    }
    await publish('europe-200-again', 200, europe, true);
    await publish('europe-1000-again', 1000, europe, true);
    await publish('campaign-200-again', 200, {}, true);

    expect(published.length, `published: ${published.map((p) => p.slug).join(', ')}; refused: ${refused.join(' | ')}`).toBeGreaterThanOrEqual(6);
    expect(recoverable(), `published: ${published.map((p) => p.slug).join(', ')}`).toEqual([]);
  }, 600_000);
});
