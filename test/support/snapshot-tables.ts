import type { DataSource } from 'typeorm';
import type { SnapshotContent } from '../../server/modules/snapshots/snapshot-content';

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
