/**
 * Cell suppression for public figures, as statistical offices do it.
 *
 * A published figure is a *cell*. A *table* says that a total is the sum of its parts plus a
 * remainder nobody publishes (reports without a subdivision, groups beyond the top list...):
 * `total = parts + remainder`. Readers know every table (it is in the page, the JSON, the CSV).
 *
 * 1. Primary: every cell from 1 to threshold - 1 is hidden (a zero points at nobody).
 *    Zeros are never hidden at all: they point at nobody, and readers often know them anyway (a case
 *    outside the scope's case countries), so hiding one would protect nothing.
 * 2. Secondary: more cells are hidden, the smallest first, until no table has exactly one hidden
 *    figure (where another cell of it can still be hidden) and no hidden cell can be recomputed
 *    from the shown ones through the tables together (checked exactly: a cell is recoverable when
 *    the linear system of all tables over the hidden cells determines it).
 *
 * In that exact check a remainder of at least the threshold counts as one more unknown; a smaller
 * one counts as known (a reader can guess it closely), which errs on the side of hiding.
 *
 * A cell readers already know (`known`: another publication shows it) protects nothing when hidden:
 * it is never picked to protect another, and counts as a known figure in both checks.
 */
export interface Cell {
  id: string;
  value: number;
  /** Always shown (the published grand total): never hidden, so its value is a known constant. */
  fixed?: boolean;
}

export interface Table {
  total: string;
  parts: string[];
}

export interface SuppressionInput {
  cells: Cell[];
  tables: Table[];
  threshold: number;
  /** Cells to hide whatever their size (for example: hidden in another published figure). */
  alsoHide?: Iterable<string>;
  /** Cells whose figure readers know from elsewhere (for example: shown in another published figure). */
  known?: Iterable<string>;
}

const REMAINDER = '\u0000remainder:';

/** The ids of the cells to hide. */
export function suppress({ cells, tables, threshold, alsoHide = [], known = [] }: SuppressionInput): Set<string> {
  const value = new Map(cells.map((c) => [c.id, c.value]));
  const fixed = new Set(cells.filter((c) => c.fixed).map((c) => c.id));
  const knownIds = new Set(known);
  const hidden = new Set<string>();
  if (threshold <= 1) return hidden;
  for (const c of cells) if (!c.fixed && c.value > 0 && c.value < threshold) hidden.add(c.id);
  for (const id of alsoHide) if (value.get(id) && !fixed.has(id)) hidden.add(id);

  // Each table as an equation over cell ids; a large remainder is an unknown that is never shown.
  const equations = tables.map((t, i) => {
    const of = (id: string) => {
      const v = value.get(id);
      if (v === undefined) throw new Error(`suppress: table ${t.total} names an unknown cell ${id}`);
      return v;
    };
    const remainder = of(t.total) - t.parts.reduce((sum, id) => sum + of(id), 0);
    if (remainder < 0) throw new Error(`suppress: the parts of ${t.total} add up to more than it`);
    const unknownRemainder = remainder >= threshold ? [`${REMAINDER}${i}`] : [];
    return { total: t.total, parts: t.parts, ids: [t.total, ...t.parts, ...unknownRemainder] };
  });
  for (const e of equations) for (const id of e.ids) if (id.startsWith(REMAINDER)) hidden.add(id);

  /** Can still be hidden; and would protect another when hidden (not known elsewhere). */
  const open = (id: string) => !hidden.has(id) && !fixed.has(id) && !id.startsWith(REMAINDER) && value.get(id) !== 0;
  const protects = (id: string) => open(id) && !knownIds.has(id);
  /**
   * The next cell to hide for these tables, of those `usable`: one known elsewhere or not as
   * `knownFirst` says, then the one in most tables (so one cell mends several), then the smallest; a
   * part before a total that is in as many.
   */
  const nextToHide = (eqs: typeof equations, usable: (id: string) => boolean, knownFirst = false): string | undefined => {
    const score = new Map<string, [number, number]>();
    for (const e of eqs) {
      for (const id of e.parts) if (usable(id)) score.set(id, [(score.get(id)?.[0] ?? 0) + 1, 0]);
      if (usable(e.total)) score.set(e.total, [(score.get(e.total)?.[0] ?? 0) + 1, 1]);
    }
    const order = (a: string, b: string) => {
      const [x, y] = [score.get(a)!, score.get(b)!];
      return (Number(knownIds.has(a)) - Number(knownIds.has(b))) * (knownFirst ? -1 : 1) || y[0] - x[0] || x[1] - y[1] || value.get(a)! - value.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
    };
    return [...score.keys()].sort(order)[0];
  };
  /** Hidden and not known elsewhere: the unknowns of the exact check. */
  const unknown = (id: string) => hidden.has(id) && !knownIds.has(id);
  /** The tables that pin a recoverable cell: those that hold it, widened through hidden unknowns until one has a cell that protects. */
  const around = (id: string): typeof equations => {
    let reached = new Set([id]);
    for (;;) {
      const eqs = equations.filter((e) => e.ids.some((x) => reached.has(x)));
      if (eqs.some((e) => e.ids.some(protects))) return eqs;
      const wider = new Set(eqs.flatMap((e) => e.ids.filter(unknown)));
      if (wider.size === reached.size) return eqs;
      reached = wider;
    }
  };

  for (;;) {
    // The plain rule first: no table with exactly one hidden figure, whatever its remainder. A lone
    // unknown one gets an unknown partner; a lone known one (hidden here, shown elsewhere) a known one.
    const lone = (e: (typeof equations)[number]) => {
      const ids = e.ids.filter((id) => hidden.has(id) && !id.startsWith(REMAINDER));
      return ids.length === 1 ? ids[0] : null;
    };
    const single = equations.filter((e) => lone(e) !== null);
    let next =
      nextToHide(single.filter((e) => !knownIds.has(lone(e)!)), open) ?? nextToHide(single.filter((e) => knownIds.has(lone(e)!)), open, true);
    if (!next) {
      // Then the exact one, over the unknowns (a remainder is never published: recovering it reveals nothing).
      const unknowns = new Set([...hidden].filter(unknown));
      const recoverable = determined(equations.map((e) => coefficients(e, unknowns))).find((id) => !id.startsWith(REMAINDER));
      if (!recoverable) return withoutRemainders(hidden);
      next = nextToHide(around(recoverable), protects);
    }
    if (!next) throw new Error('suppress: a hidden figure stays recoverable with every cell hidden');
    hidden.add(next);
  }
}

function withoutRemainders(hidden: Set<string>): Set<string> {
  return new Set([...hidden].filter((id) => !id.startsWith(REMAINDER)));
}

/** The equation `total - parts - remainder = known` restricted to its hidden cells. */
function coefficients(e: { total: string; ids: string[] }, hidden: Set<string>): Map<string, number> {
  const row = new Map<string, number>();
  for (const id of e.ids) if (hidden.has(id)) row.set(id, id === e.total ? 1 : -1);
  return row;
}

/**
 * The unknowns whose value the equations fix. Gauss-Jordan elimination: an unknown is fixed exactly
 * when its column is a pivot whose reduced row has no other entry.
 */
export function determined(rows: Map<string, number>[]): string[] {
  const matrix = rows.filter((r) => r.size > 0).map((r) => new Map(r));
  const columns = [...new Set(matrix.flatMap((r) => [...r.keys()]))].sort();
  const pivots: { column: string; row: Map<string, number> }[] = [];
  let remaining = matrix;
  for (const column of columns) {
    const index = remaining.findIndex((r) => Math.abs(r.get(column) ?? 0) > 1e-9);
    if (index < 0) continue;
    const pivot = remaining[index];
    remaining = remaining.filter((_, i) => i !== index);
    const scale = pivot.get(column)!;
    for (const [k, v] of pivot) pivot.set(k, v / scale);
    for (const r of [...remaining, ...pivots.map((p) => p.row)]) eliminate(r, pivot, column);
    pivots.push({ column, row: pivot });
  }
  return pivots.filter((p) => p.row.size === 1).map((p) => p.column);
}

function eliminate(row: Map<string, number>, pivot: Map<string, number>, column: string): void {
  const factor = row.get(column);
  if (!factor) return;
  for (const [k, v] of pivot) {
    const next = (row.get(k) ?? 0) - factor * v;
    if (Math.abs(next) > 1e-9) row.set(k, next);
    else row.delete(k);
  }
}
