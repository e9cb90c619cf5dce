import type { EntityManager } from 'typeorm';
import { applyFirstDayDelta, createFirstDayDelta, firstDayDeltaInsert, firstDayUpsert, removeFromFirstDays } from './group-first-day';
import { ROLLUP_TABLES } from './rollup-tables';

/** The report columns the summary tables are made of. */
export const ROLLUP_SOURCE_COLUMNS = [...new Set(ROLLUP_TABLES.flatMap((t) => t.dimensions)), 'count'];

/**
 * One statement per summary table adding the reports of `source`, an SQL FROM item named `r` with
 * the report columns (usable as data-modifying CTEs of the insert). Keys are inserted in a fixed
 * order, so concurrent writers lock rows in the same order and cannot deadlock each other.
 * Removing reports recomputes first days, which one statement cannot do: see applyToRollups.
 */
export function rollupUpserts(source: string, sign: 1): string[] {
  return [...sumUpserts(source, sign), firstDayUpsert(source)];
}

/** The sums of the reports of `source` added (sign +1) or removed (sign -1), one statement per sum table. */
function sumUpserts(source: string, sign: 1 | -1): string[] {
  return ROLLUP_TABLES.map(({ name, dimensions }) => {
    const dims = dimensions.join(', ');
    return `INSERT INTO ${name} (${dims}, actions, reports)
      SELECT ${dims}, sum(r.count) * ${sign}, count(*) * ${sign} FROM ${source}
      GROUP BY ${dims} ORDER BY ${dims}
      ON CONFLICT ON CONSTRAINT ${name}_key DO UPDATE
      SET actions = ${name}.actions + excluded.actions, reports = ${name}.reports + excluded.reports`;
  });
}

/**
 * For a write made of several statements (a pipelined import): temporary tables collecting each
 * statement's sums, then added to the summary tables at once, in key order, by applyRollupDeltas.
 * The summary rows are then locked only at the end, in the same order as every other writer.
 */
export const createRollupDeltas = [
  ...ROLLUP_TABLES.map(({ name, dimensions }) =>
    `CREATE TEMP TABLE ${name}_delta ON COMMIT DROP AS SELECT ${dimensions.join(', ')}, actions, reports FROM ${name} WITH NO DATA`),
  createFirstDayDelta,
];

/** A delta table holding the year, region and country of every report the write stored (small: one row per day and area). */
export const AREAS_DELTA = `${ROLLUP_TABLES.find((t) => ['year', 'region', 'country'].every((c) => t.dimensions.includes(c)))!.name}_delta`;

/** Statements adding the sums of the reports of `source` (an SQL FROM item named `r`) to the delta tables. */
export function rollupDeltaInserts(source: string): string[] {
  return [
    ...ROLLUP_TABLES.map(({ name, dimensions }) => {
      const dims = dimensions.join(', ');
      return `INSERT INTO ${name}_delta SELECT ${dims}, sum(r.count), count(*) FROM ${source} GROUP BY ${dims}`;
    }),
    firstDayDeltaInsert(source),
  ];
}

/** Adds the delta tables to the summary tables. */
export async function applyRollupDeltas(db: EntityManager): Promise<void> {
  for (const { name, dimensions } of ROLLUP_TABLES) {
    const dims = dimensions.join(', ');
    await db.query(
      `INSERT INTO ${name} (${dims}, actions, reports)
       SELECT ${dims}, sum(actions), sum(reports) FROM ${name}_delta GROUP BY ${dims} ORDER BY ${dims}
       ON CONFLICT ON CONSTRAINT ${name}_key DO UPDATE
       SET actions = ${name}.actions + excluded.actions, reports = ${name}.reports + excluded.reports`,
    );
  }
  await db.query(applyFirstDayDelta);
}

/** Adds or removes the given reports in every summary table, inside the caller's transaction. */
export async function applyToRollups(db: EntityManager, ids: number[], sign: 1 | -1): Promise<void> {
  const source = 'letter_report r WHERE r.id = ANY($1::int[])';
  for (const sql of sumUpserts(source, sign)) await db.query(sql, [ids]);
  if (sign === 1) await db.query(firstDayUpsert(source), [ids]);
  else await removeFromFirstDays(db, ids);
}
