import type { EntityManager } from 'typeorm';
import { firstDayStatements, GROUP_FIRST_DAY, intArray } from './group-first-day';
import { ROLLUP_TABLES, type RollupTable } from './rollup-tables';

/**
 * The lock order of every write of reports (imports, forms, corrections, retractions, demo data):
 *   1. writing_group rows (by ref), then letter_report rows;
 *   2. the summary tables in ROLLUP_TABLES order, then rollup_group_first_day, each once, its keys
 *      in key order (one statement per table, ORDER BY its key), and only through
 *      rollupUpdates;
 *   3. the data_version row, last (bumpDataVersionAfter sends it with the summary tables' updates).
 * Two writers taking rows in one order cannot deadlock each other. Each write therefore adds its
 * new reports and removes the ones that stop counting in the same pass, never table by table
 * twice, and never in data-modifying CTEs of one statement that do not read each other: PostgreSQL
 * runs those in an order of its own (the last first), which is how a form and an import once
 * deadlocked. (A form stores its group and its report in one statement, the report reading the
 * group: ingest-row.ts.) A correction locks the report it replaces after locking or storing its
 * group (WriteOptions.lockReplaced), a retraction locks only its report, so form writes run side
 * by side. One exception: a pipelined import locks the
 * groups each part creates or changes after the reports of earlier parts, so a form of such a
 * group, sent with a reportId of an earlier part (the same report twice, at once), can still
 * deadlock with it: single writes are retried on a deadlock (server/db/write-transaction.ts).
 */

/** The report columns the summary tables are made of. */
export const ROLLUP_SOURCE_COLUMNS = [...new Set(ROLLUP_TABLES.flatMap((t) => t.dimensions)), 'count'];

/**
 * The summary table whose delta a large write sums from its reports: the table itself when no other
 * table has all its dimensions (a base), else the first base that does, whose delta holds far fewer
 * rows than the write has reports. Each sum over the new reports cost about 0.8 s of the database's
 * CPU a million reports; four bases instead of eight sums save a third of an import's insert.
 */
const deltaBase = (table: RollupTable): RollupTable =>
  ROLLUP_TABLES.find((o) => o !== table && table.dimensions.every((d) => o.dimensions.includes(d)) && !isDerived(o)) ?? table;
const isDerived = (table: RollupTable): boolean =>
  ROLLUP_TABLES.some((o) => o !== table && table.dimensions.every((d) => o.dimensions.includes(d)));
const BASES = ROLLUP_TABLES.filter((t) => !isDerived(t));
/** The base whose delta also holds each key's first day (rollup_group_first_day has its dimensions). */
const FIRST_DAY_BASE = BASES.find((t) => t.dimensions.join() === GROUP_FIRST_DAY.dimensions.join())!;

/**
 * Temporary tables collecting the sums of a write's new reports, one per base table
 * (rollupDeltaInserts, as many statements as it takes, locking nothing shared), added to every
 * summary table at once by applyRollupDeltas.
 */
export const createRollupDeltas = BASES.map(({ name, dimensions }) =>
  `CREATE TEMP TABLE ${name}_delta ON COMMIT DROP AS SELECT ${dimensions.join(', ')}, actions, reports${name === FIRST_DAY_BASE.name ? ', NULL::date AS first_day' : ''} FROM ${name} WITH NO DATA`);

/** A delta table holding the year, region and country of every report the write stored (small: one row per day and area). */
export const AREAS_DELTA = `${BASES.find((t) => ['year', 'region', 'country'].every((c) => t.dimensions.includes(c)))!.name}_delta`;

/** Statements adding the sums of the reports of `source` (an SQL FROM item named `r`) to the delta tables. */
export function rollupDeltaInserts(source: string): string[] {
  return BASES.map(({ name, dimensions }) => {
    const dims = dimensions.join(', ');
    return `INSERT INTO ${name}_delta SELECT ${dims}, sum(r.count), count(*)${name === FIRST_DAY_BASE.name ? ', min(r.day)' : ''} FROM ${source} GROUP BY ${dims}`;
  });
}

/** What a write adds to the summary tables: the sums in its delta tables, or (a small write) its new reports by id. */
export type AddedReports = 'deltas' | number[];

/** Removes the given reports from every summary table (they stop counting), inside the caller's transaction, bumping nothing. */
export async function removeFromRollups(db: EntityManager, ids: number[]): Promise<void> {
  await db.query(rollupUpdates([], ids).join(';\n'));
}

/**
 * The statements adding `added` to every summary table and removing the reports `removed` (that stop
 * counting: a correction's old report, a retracted one) in one pass, in the lock order: one
 * statement a table, the ids in their text, for bumpDataVersionAfter to send in one round trip
 * with the bump, last in the write's transaction.
 */
export function rollupUpdates(added: AddedReports, removed: number[]): string[] {
  const addedIds = intArray(added === 'deltas' ? [] : added);
  const removedIds = intArray(removed);
  const statements = ROLLUP_TABLES.map((table) => {
    const { name, dimensions } = table;
    const dims = dimensions.join(', ');
    const sources = [
      // a derived table's delta rows are summed by the GROUP BY below
      ...(added === 'deltas' ? [`SELECT ${dims}, actions, reports FROM ${deltaBase(table).name}_delta`] : []),
      `SELECT ${dims}, count::bigint AS actions, 1 AS reports FROM letter_report WHERE id = ANY(${addedIds})`,
      `SELECT ${dims}, -count::bigint AS actions, -1 AS reports FROM letter_report WHERE id = ANY(${removedIds})`,
    ];
    return `INSERT INTO ${name} (${dims}, actions, reports)
       SELECT ${dims}, sum(actions), sum(reports) FROM (${sources.join(' UNION ALL ')}) c GROUP BY ${dims} ORDER BY ${dims}
       ON CONFLICT ON CONSTRAINT ${name}_key DO UPDATE
       SET actions = ${name}.actions + excluded.actions, reports = ${name}.reports + excluded.reports`;
  });
  return [...statements, ...firstDayStatements(added === 'deltas' ? `${FIRST_DAY_BASE.name}_delta` : null, addedIds, removed.length > 0 ? removedIds : null)];
}
