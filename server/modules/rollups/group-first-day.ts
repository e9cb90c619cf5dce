/**
 * rollup_group_first_day: each group's first day with an active report, per campaign year × area
 * (server/db/migrations/1765200000000-group-first-day.ts). A minimum, not a sum: adding reports
 * lowers it (least), removing them recomputes it from the group's remaining reports.
 */
export const GROUP_FIRST_DAY = { name: 'rollup_group_first_day', dimensions: ['year', 'region', 'country', 'subdivision', 'group_id'] };

const DIMS = GROUP_FIRST_DAY.dimensions.join(', ');
const SAME_KEY = (a: string, b: string) =>
  `${a}.year = ${b}.year AND ${a}.region = ${b}.region AND ${a}.country = ${b}.country AND ${a}.group_id = ${b}.group_id
   AND ${a}.subdivision IS NOT DISTINCT FROM ${b}.subdivision`;

/** An SQL int[] literal of `ids` (checked to be integers: it goes into the statement's text). */
export function intArray(ids: number[]): string {
  if (!ids.every(Number.isSafeInteger)) throw new Error(`not report ids: ${ids.slice(0, 5).join(', ')}`);
  return `'{${ids.join(',')}}'::int[]`;
}

/**
 * Statements lowering the first days to those of `delta` (a large write's delta table with these
 * dimensions and a first_day column, see rollup-maintenance.ts) and of the reports `added` (an
 * intArray), and recomputing those of the keys of the reports `removed` (an intArray, or null for
 * none; they stop counting in the caller's transaction) from the other active reports. One upsert
 * locks every key of both, in key order (ON CONFLICT DO UPDATE locks a row even when its WHERE
 * leaves it unchanged); the recompute is a second statement, whose snapshot then includes every
 * writer that changed those keys before us (a single statement would compute from the snapshot
 * taken before waiting for their lock).
 */
export function firstDayStatements(delta: string | null, added: string, removed: string | null): string[] {
  const sources = [
    ...(delta ? [`SELECT ${DIMS}, first_day FROM ${delta} WHERE group_id IS NOT NULL`] : []),
    `SELECT ${DIMS}, day AS first_day FROM letter_report WHERE id = ANY(${added}) AND group_id IS NOT NULL`,
    ...(removed ? [`SELECT ${DIMS}, NULL::date AS first_day FROM letter_report WHERE id = ANY(${removed}) AND group_id IS NOT NULL`] : []),
  ];
  const upsert = `INSERT INTO rollup_group_first_day AS t (${DIMS}, first_day)
     SELECT ${DIMS}, min(first_day) FROM (${sources.join(' UNION ALL ')}) k GROUP BY ${DIMS} ORDER BY ${DIMS}
     ON CONFLICT ON CONSTRAINT rollup_group_first_day_key DO UPDATE SET first_day = least(t.first_day, excluded.first_day)
     WHERE t.first_day IS NULL OR excluded.first_day < t.first_day`;
  if (!removed) return [upsert];
  return [
    upsert,
    `UPDATE rollup_group_first_day t SET first_day = (
       SELECT min(a.day) FROM letter_report a
       WHERE ${SAME_KEY('a', 't')} AND a.status = 'ACTIVE' AND a.id <> ALL(${removed}))
     FROM (SELECT DISTINCT ${DIMS} FROM letter_report WHERE id = ANY(${removed}) AND group_id IS NOT NULL) k
     WHERE ${SAME_KEY('t', 'k')}`,
  ];
}
