import { badInput } from '../../graphql/errors-user';

/**
 * Keyset cursors of the group lists ranked by actions (descending), then group id: the last row's
 * place, so a page starts right after it whatever was written in between.
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
