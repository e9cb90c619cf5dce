// Previous/next through a keyset-paged list: the `after` cursor of every page seen so far. A
// different list (other filters, another search) starts again at its first page.

export interface CursorTrail {
  /** What the list is: the filters and search it was asked with. */
  listKey: string;
  /** `after` of each page up to the current one; the first page's is null. */
  afters: (string | null)[];
}

export const startTrail = (listKey: string): CursorTrail => ({ listKey, afters: [null] });

/** The trail for this list: the one kept when it is the same list, else a new one. */
export const trailFor = (trail: CursorTrail, listKey: string): CursorTrail =>
  trail.listKey === listKey ? trail : startTrail(listKey);

export const currentAfter = (trail: CursorTrail): string | null => trail.afters.at(-1) ?? null;

/** 0 for the first page. */
export const pageIndex = (trail: CursorTrail): number => trail.afters.length - 1;

export const nextPage = (trail: CursorTrail, endCursor: string): CursorTrail => ({
  ...trail,
  afters: [...trail.afters, endCursor],
});

export const previousPage = (trail: CursorTrail): CursorTrail =>
  trail.afters.length > 1 ? { ...trail, afters: trail.afters.slice(0, -1) } : trail;

/** The positions (from 1) of the rows shown, for "26–50 of 312". */
export function shownRange(trail: CursorTrail, pageSize: number, rowsShown: number): { from: number; to: number } {
  if (rowsShown === 0) return { from: 0, to: 0 };
  const from = pageIndex(trail) * pageSize + 1;
  return { from, to: from + rowsShown - 1 };
}
