import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { determined, suppress, type Cell, type Table } from '../../server/modules/disclosure/suppress';

const cells = (values: Record<string, number>, fixed: string[] = ['total']): Cell[] =>
  Object.entries(values).map(([id, value]) => ({ id, value, fixed: fixed.includes(id) }));

/** Every hidden cell a reader can recompute from the shown ones through the tables. */
function recoverable(all: Cell[], tables: Table[], hidden: Set<string>): string[] {
  const value = new Map(all.map((c) => [c.id, c.value]));
  const rows = tables.map((t, i) => {
    const row = new Map<string, number>();
    if (hidden.has(t.total)) row.set(t.total, 1);
    for (const p of t.parts) if (hidden.has(p)) row.set(p, -1);
    // the remainder as suppress models it: unknown when it is large enough to hide anything
    const remainder = value.get(t.total)! - t.parts.reduce((s, p) => s + value.get(p)!, 0);
    if (remainder >= 10) row.set(`rest${i}`, -1);
    return row;
  });
  return determined(rows).filter((id) => hidden.has(id));
}

describe('suppress', () => {
  it('hides figures below the threshold, but not zeros and not the fixed total', () => {
    const all = cells({ total: 25, a: 20, b: 0, c: 5 });
    expect(suppress({ cells: all, tables: [], threshold: 10 })).toEqual(new Set(['c']));
  });

  it('never leaves exactly one hidden cell in a table whose total is shown: the next smallest goes too', () => {
    const all = cells({ total: 1000, a: 500, b: 300, c: 139, d: 61 });
    const hidden = suppress({ cells: all, tables: [{ total: 'total', parts: ['a', 'b', 'c', 'd'] }], threshold: 100 });
    expect(hidden).toEqual(new Set(['d', 'c']));
  });

  it('hides a second cell even where a large unpublished remainder would hide the first', () => {
    const tables = [{ total: 'total', parts: ['a', 'b'] }];
    expect(suppress({ cells: cells({ total: 100, a: 5, b: 45 }), tables, threshold: 10 })).toEqual(new Set(['a', 'b']));
  });

  it('leaves one hidden part alone only when nothing else can be hidden and the remainder is large', () => {
    const tables = [{ total: 'total', parts: ['a'] }];
    expect(suppress({ cells: cells({ total: 100, a: 5 }), tables, threshold: 10 })).toEqual(new Set(['a']));
    expect(() => suppress({ cells: cells({ total: 12, a: 5 }), tables, threshold: 10 })).toThrow(/stays recoverable/);
  });

  it('hides a parent when its only other part cannot be hidden, and protects the parent in turn', () => {
    // country US = subdivision US-NY (4) + 2 reports without a subdivision; world = US + MX + DE
    const all = cells({ total: 1000, US: 6, MX: 500, DE: 494, 'US-NY': 4 });
    const tables = [
      { total: 'total', parts: ['US', 'MX', 'DE'] },
      { total: 'US', parts: ['US-NY'] },
    ];
    const hidden = suppress({ cells: all, tables, threshold: 10 });
    expect(hidden).toEqual(new Set(['US', 'US-NY', 'DE']));
  });

  it('handles nested tables, where a shown total of one level is a part of the next', () => {
    const all = cells({ total: 3000, R1: 1500, R2: 1500, A: 900, B: 600, a1: 895, a2: 5, b1: 300, b2: 300 });
    const tables = [
      { total: 'total', parts: ['R1', 'R2'] },
      { total: 'R1', parts: ['A', 'B'] },
      { total: 'A', parts: ['a1', 'a2'] },
      { total: 'B', parts: ['b1', 'b2'] },
    ];
    const hidden = suppress({ cells: all, tables, threshold: 10 });
    expect(hidden.has('a2')).toBe(true);
    expect(recoverable(all, tables, hidden)).toEqual([]);
  });

  it('leaves no hidden cell recoverable through the tables together, on random nested and crossed tables', () => {
    const leaf = fc.integer({ min: 0, max: 400 });
    fc.assert(
      fc.property(fc.array(fc.array(leaf, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 2, max: 150 }), (grid, threshold) => {
        // rows × columns of a cross table, both margins and the grand total published
        const width = Math.max(...grid.map((r) => r.length));
        const values: Record<string, number> = {};
        grid.forEach((r, i) => Array.from({ length: width }, (_, j) => (values[`c${i}.${j}`] = r[j] ?? 0)));
        grid.forEach((_, i) => (values[`row${i}`] = Array.from({ length: width }, (_, j) => values[`c${i}.${j}`]).reduce((a, b) => a + b, 0)));
        Array.from({ length: width }, (_, j) => (values[`col${j}`] = grid.reduce((s, _, i) => s + values[`c${i}.${j}`], 0)));
        values.total = grid.reduce((s, _, i) => s + values[`row${i}`], 0);
        if (values.total > 0 && values.total < threshold) return;
        const tables: Table[] = [
          { total: 'total', parts: grid.map((_, i) => `row${i}`) },
          { total: 'total', parts: Array.from({ length: width }, (_, j) => `col${j}`) },
          ...grid.map((_, i) => ({ total: `row${i}`, parts: Array.from({ length: width }, (_, j) => `c${i}.${j}`) })),
          ...Array.from({ length: width }, (_, j) => ({ total: `col${j}`, parts: grid.map((_, i) => `c${i}.${j}`) })),
        ];
        const all = cells(values);
        const hidden = suppress({ cells: all, tables, threshold });
        for (const c of all) if (c.value > 0 && c.value < threshold && !c.fixed) expect(hidden.has(c.id)).toBe(true);
        for (const t of tables) expect([t.total, ...t.parts].filter((id) => hidden.has(id)).length).not.toBe(1);
        expect(recoverable(all, tables, hidden)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('also hides the cells it is told to, and protects them like the others', () => {
    const all = cells({ total: 1000, a: 500, b: 300, c: 200 });
    const hidden = suppress({ cells: all, tables: [{ total: 'total', parts: ['a', 'b', 'c'] }], threshold: 10, alsoHide: ['a'] });
    expect(hidden).toEqual(new Set(['a', 'c']));
  });

  it('never protects a hidden cell with one readers know from elsewhere: the next unknown one goes', () => {
    // c (139) is already public, say in another snapshot: hiding it beside d would leave d = 1000 - 500 - 300 - 139
    const all = cells({ total: 1000, a: 500, b: 300, c: 139, d: 61 });
    const table = [{ total: 'total', parts: ['a', 'b', 'c', 'd'] }];
    expect(suppress({ cells: all, tables: table, threshold: 100, known: ['c'] })).toEqual(new Set(['d', 'b']));
    // a small figure already public needs no protection, but the table still hides two (another public one)
    expect(suppress({ cells: all, tables: table, threshold: 100, known: ['a', 'b', 'd'] })).toEqual(new Set(['d', 'b']));
    // and one left with only public figures beside it cannot be protected: refused
    expect(() => suppress({ cells: all, tables: table, threshold: 100, known: ['a', 'b', 'c'] })).toThrow(/stays recoverable/);
  });

  it('never hides a zero, told to or as a partner: it points at nobody and protects nothing', () => {
    const all = cells({ total: 1000, a: 950, b: 50, c: 0 });
    const table = [{ total: 'total', parts: ['a', 'b', 'c'] }];
    expect(suppress({ cells: all, tables: table, threshold: 100, alsoHide: ['c'] })).toEqual(new Set(['b', 'a']));
  });
});
