import type { DataSource } from 'typeorm';
import { determined } from '../../server/modules/disclosure/suppress';
import type { SnapshotContent } from '../../server/modules/snapshots/snapshot-content';
import { BREAKDOWNS, breakdownCell, caseCell, scopeCell } from '../../server/modules/snapshots/snapshot-disclosure';

type Row = { key: string; actions: number | null };
export interface SnapshotTable {
  name: string;
  total: number | null;
  rows: Row[];
}

/**
 * The tables a reader of a public snapshot can subtract in: a total (if shown) and the rows that add
 * up to it, with the rest. `regionsOf` gives the regions each writers' country reported in: a region
 * is the sum of the countries that reported in it only.
 */
export function snapshotTables(c: SnapshotContent, regionsOf: Map<string, string[]>): SnapshotTable[] {
  const total = c.totals.actions;
  const cases = c.cases.map((k) => ({ key: k.slug, actions: k.actions }));
  const breakdowns = ['byCountry', 'byCaseCountry', 'byRegion', 'byActionType', 'byGroupType', 'bySubdivision', 'topGroups'] as const;
  return [
    { name: 'cases', total, rows: cases },
    ...breakdowns.map((b) => ({ name: b, total, rows: (c[b] ?? []) as Row[] })),
    ...c.byCaseCountry.map((cc) => ({ name: `case country ${cc.key}`, total: cc.actions, rows: cases.filter((_, i) => c.cases[i].country === cc.key) })),
    ...c.byCountry.map((k) => ({ name: `country ${k.key}`, total: k.actions, rows: c.bySubdivision.filter((s) => s.key.startsWith(`${k.key}-`)) })),
    ...c.byRegion.map((r) => ({
      name: `region ${r.key}`,
      total: r.actions,
      rows: c.byCountry.filter((k) => regionsOf.get(k.key)?.length === 1 && regionsOf.get(k.key)![0] === r.key),
    })),
  ];
}

/**
 * Hidden figures of `published` that "total minus shown" gives back exactly, as `table: key = value`;
 * `raw` is the same snapshot with nothing hidden.
 */
export function recomputable(published: SnapshotContent, raw: SnapshotContent, regionsOf: Map<string, string[]>): string[] {
  const actual = new Map(snapshotTables(raw, regionsOf).flatMap((t) => t.rows.map((r) => [`${t.name}/${r.key}`, r.actions])));
  const found: string[] = [];
  for (const t of snapshotTables(published, regionsOf)) {
    if (t.total === null) continue;
    const rest = t.total - t.rows.reduce((s, r) => s + (r.actions ?? 0), 0);
    for (const r of t.rows) if (r.actions === null && actual.get(`${t.name}/${r.key}`) === rest) found.push(`${t.name}: ${r.key} = ${rest}`);
  }
  return found;
}

/** The regions each writers' country reported in that year (a region is the sum of its countries that reported in it only). */
export async function regionsOfCountries(db: DataSource, year: number): Promise<Map<string, string[]>> {
  const pairs: { region: string; country: string }[] = await db.query(`SELECT DISTINCT region, country FROM letter_report WHERE year = $1`, [year]);
  const regionsOf = new Map<string, string[]>();
  for (const p of pairs) regionsOf.set(p.country, [...(regionsOf.get(p.country) ?? []), p.region]);
  return regionsOf;
}

/** A published snapshot as readers see it, and the same figures with nothing hidden (read right after). */
export interface PublishedSnapshot {
  slug: string;
  threshold: number;
  filter: object;
  shown: SnapshotContent;
  actual: SnapshotContent;
}

interface Equation {
  /** The figure each term stands for (`cell@value`), +1 for the total and -1 for the parts. */
  terms: Map<string, number>;
  snapshot: string;
  table: string;
}

/** The tables of one snapshot as equations over figures, with the figures each shows. */
function equationsOf(p: PublishedSnapshot, regionsOf: Map<string, string[]>): { equations: Equation[]; figures: Map<string, number | null> } {
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
 * The hidden figures that snapshots of one year, in the order published, give back read together:
 * shown by another, or fixed by the equations of all their tables with every shown figure known.
 * Each table (a total and the rows that add up to it, plus what nobody publishes, unknown when at
 * least the threshold) is one equation. Two snapshots' cells are one figure when they count the same
 * reports: the same cell at the same value, or a scope of one country (region, ...) and that
 * country's row elsewhere. A figure a snapshot shows before any hides it was public by choice (a
 * lower threshold): a later, stricter one cannot take it back, only not lean on it.
 */
export function recoverableAcross(published: PublishedSnapshot[], regionsOf: Map<string, string[]>): string[] {
  const all = published.map((p) => equationsOf(p, regionsOf));
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
