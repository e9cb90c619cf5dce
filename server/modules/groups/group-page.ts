import { badInput } from '../../graphql/errors-user';

/**
 * Keyset pages of the group lists ranked by actions (descending), then group id. The cursor is the
 * last row's place, so a page starts right after it whatever was written in between.
 */
export interface GroupPosition {
  actions: number;
  groupId: number;
}

export function encodeGroupCursor({ actions, groupId }: GroupPosition): string {
  return Buffer.from(`${actions}:${groupId}`).toString('base64url');
}

/** @param list the field's name, for the message */
export function decodeGroupCursor(cursor: string, list: string): GroupPosition {
  const match = /^(\d{1,15}):(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput(`${list}: "after" is not a cursor from this list`, { after: 'is not valid' });
  return { actions: Number(match[1]), groupId: Number(match[2]) };
}

export interface GroupPage<R> {
  totalCount: number;
  rows: (R & { groupId: number; actions: number; cursor: string })[];
  hasNextPage: boolean;
}

/** A row of a page query: the total on every row, and one row without a group when the page is empty. */
export interface GroupPageRow {
  total: number;
  group_id: number | null;
  actions: string;
}

/** The page from a query that asked for `first + 1` rows (the extra one says there is a next page). */
export function toGroupPage<Q extends GroupPageRow, R>(rows: Q[], first: number, rest: (row: Q) => R): GroupPage<R> {
  const found = rows.filter((r) => r.group_id != null);
  return {
    totalCount: rows[0]?.total ?? 0,
    hasNextPage: found.length > first,
    rows: found.slice(0, first).map((r) => {
      const position = { groupId: r.group_id!, actions: Number(r.actions) };
      return { ...rest(r), ...position, cursor: encodeGroupCursor(position) };
    }),
  };
}

/** The GraphQL connection of a page: each row made a node by `node`. */
export function toConnection<R, N>(page: GroupPage<R>, node: (row: GroupPage<R>['rows'][number]) => N) {
  return {
    totalCount: page.totalCount,
    edges: page.rows.map((row) => ({ cursor: row.cursor, node: node(row) })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.rows.at(-1)?.cursor ?? null },
  };
}

/**
 * Whether `table`, read for one year with these region conditions, holds one row per group, so that
 * groups are counted or ranked from its index without summing: a year of rollup_group, or of
 * rollup_region_group when the filter and the scope together name exactly one region (with two, a
 * group may have a row in each).
 */
export function oneRowPerGroup(
  table: string,
  filter: { year?: number | null; regions?: readonly string[] | null },
  scope: readonly string[] | null,
): boolean {
  if (filter.year == null) return false;
  if (table === 'rollup_group') return true;
  return table === 'rollup_region_group' && new Set([...(filter.regions ?? []), ...(scope ?? [])]).size === 1;
}
