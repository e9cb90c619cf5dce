import { badInput } from '../../graphql/errors-user';
import { suppress, type Cell, type Table } from '../disclosure/suppress';

/** The breakdowns of a snapshot whose rows are cells, by their name in the content. */
export const BREAKDOWNS = ['byCountry', 'byCaseCountry', 'byRegion', 'byActionType', 'byGroupType', 'bySubdivision', 'topGroups'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

type Figure = { key: string; actions: number | null };

/** A snapshot's figures before protection: every breakdown complete, no cell hidden yet. */
export interface RawFigures {
  total: number;
  cases: { slug: string; country: string; actions: number }[];
  breakdowns: Record<Breakdown, Figure[] | null>;
  /** Actions by writers' region, country and subdivision ('' when none): how the area breakdowns nest. */
  areas: { region: string; country: string; subdivision: string; actions: number }[];
}

/** What another published snapshot of the same year shows: each cell's figure, null where hidden. */
export interface PublishedFigures {
  slug: string;
  threshold: number;
  total: number;
  cells: Map<string, number | null>;
}

export const caseCell = (slug: string) => `case:${slug}`;
export const breakdownCell = (breakdown: Breakdown, key: string) => `${breakdown}:${key}`;

const FILTER_BREAKDOWNS: Record<string, Breakdown> = {
  regions: 'byRegion', countries: 'byCountry', subdivisions: 'bySubdivision', caseCountries: 'byCaseCountry',
  actionTypes: 'byActionType', groupTypes: 'byGroupType', groupIds: 'topGroups',
};

/**
 * The cell a scope of one value is in a wider snapshot ({ countries: ["CH"] } is byCountry:CH): its
 * total is that cell's figure. Null for any other scope.
 */
export function scopeCell(filter: object | null | undefined): string | null {
  const fields = Object.entries(filter ?? {}).filter(([, v]) => v !== null && v !== undefined);
  if (fields.length !== 1) return null;
  const [field, values] = fields[0];
  const breakdown = FILTER_BREAKDOWNS[field];
  return breakdown && Array.isArray(values) && values.length === 1 ? breakdownCell(breakdown, String(values[0])) : null;
}

/** The cells of a stored snapshot's content (as published, hidden ones null), its total also as the cell its scope is. */
export function publishedFigures(slug: string, content: {
  filter?: object | null;
  totals: { actions: number };
  protection: { suppressBelow: number };
  cases: { slug: string; actions: number | null }[];
} & Partial<Record<Breakdown, Figure[] | null>>): PublishedFigures {
  const cells = new Map<string, number | null>();
  for (const c of content.cases) cells.set(caseCell(c.slug), c.actions);
  for (const b of BREAKDOWNS) for (const r of content[b] ?? []) cells.set(breakdownCell(b, r.key), r.actions);
  const scope = scopeCell(content.filter);
  if (scope && !cells.has(scope)) cells.set(scope, content.totals.actions);
  return { slug, threshold: content.protection.suppressBelow, total: content.totals.actions, cells };
}

/**
 * The cells a snapshot hides (see suppress.ts), as `case:<slug>` and `<breakdown>:<key>` ids.
 *
 * The tables readers can add up: the total is the sum of each breakdown; a case's country is the sum
 * of its cases; a region the sum of its countries (those reported in that region only); a country
 * the sum of its subdivisions and of its reports without one.
 *
 * Other snapshots of the same year are published figures too, of overlapping scopes (a scope of one
 * country is that country's cell). So a cell is also hidden when another snapshot hides it (else it
 * would undo that snapshot's protection) and when it differs from another snapshot's figure of the
 * same cell by less than the threshold (the difference would be a small figure). A total that does
 * either cannot be published at all. A cell another snapshot shows at the same figure is known: it
 * never protects a hidden one (hiding it here would hide nothing).
 */
export function hiddenCells(figures: RawFigures, threshold: number, others: PublishedFigures[]): Set<string> {
  if (figures.total > 0 && figures.total < threshold) {
    throw badInput(`This scope has ${figures.total} actions, fewer than the threshold of ${threshold}: it cannot be published`, { suppressBelow: 'is above the total' });
  }
  for (const o of others) {
    const difference = Math.abs(figures.total - o.total);
    if (difference > 0 && difference < Math.max(threshold, o.threshold)) {
      throw badInput(
        `The total differs from the published snapshot "${o.slug}" by ${difference} actions, fewer than the threshold: ` +
          'the difference would point at people. Publish a scope that differs more, or when more reports are in.',
        { filter: 'too close to a published snapshot' },
      );
    }
  }
  const cells: Cell[] = [{ id: 'total', value: figures.total, fixed: true }];
  const tables: Table[] = [];
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

  const cases = figures.cases.map((c) => ({ id: caseCell(c.slug), value: c.actions, country: c.country }));
  cells.push(...cases);
  tables.push({ total: 'total', parts: ids(cases) });
  const rows = {} as Record<Breakdown, { id: string; key: string; value: number }[]>;
  for (const b of BREAKDOWNS) {
    rows[b] = (figures.breakdowns[b] ?? []).map((r) => ({ id: breakdownCell(b, r.key), key: r.key, value: r.actions ?? 0 }));
    cells.push(...rows[b]);
    if (figures.breakdowns[b]) tables.push({ total: 'total', parts: ids(rows[b]) });
  }
  for (const cc of rows.byCaseCountry) tables.push({ total: cc.id, parts: ids(cases.filter((c) => c.country === cc.key)) });

  const regionsOf = new Map<string, Set<string>>();
  for (const a of figures.areas) regionsOf.set(a.country, (regionsOf.get(a.country) ?? new Set()).add(a.region));
  for (const region of rows.byRegion) {
    const countries = rows.byCountry.filter((c) => regionsOf.get(c.key)?.size === 1 && regionsOf.get(c.key)!.has(region.key));
    if (countries.length > 0) tables.push({ total: region.id, parts: ids(countries) });
  }
  for (const country of rows.byCountry) {
    const subdivisions = new Set(figures.areas.filter((a) => a.country === country.key && a.subdivision).map((a) => a.subdivision));
    const parts = rows.bySubdivision.filter((s) => subdivisions.has(s.key));
    if (parts.length > 0) tables.push({ total: country.id, parts: ids(parts) });
  }

  const alsoHide = new Set<string>();
  const known = new Set<string>();
  for (const c of cells) {
    for (const o of others) {
      if (!o.cells.has(c.id)) continue;
      const shown = o.cells.get(c.id)!;
      const difference = shown === null ? 0 : Math.abs(c.value - shown);
      if (shown === null || (difference > 0 && difference < Math.max(threshold, o.threshold))) alsoHide.add(c.id);
      if (shown === c.value) known.add(c.id);
    }
  }
  alsoHide.delete('total');
  try {
    return suppress({ cells, tables, threshold, alsoHide, known });
  } catch (error) {
    throw badInput(`These figures cannot be protected with a threshold of ${threshold}: ${(error as Error).message}`, { suppressBelow: 'cannot be met' });
  }
}
