import type { EntityManager } from 'typeorm';
import { ROLLUP_TABLES } from './rollup-tables';

/**
 * Which reports a change touches: a list of report ids, or the rows of a table holding the new
 * reports' columns (an import keeps them in a temporary table, cheaper to scan than the reports).
 */
export type ReportSelection = { ids: number[] } | { table: string };

/**
 * Adds (sign +1) or removes (sign -1) the selected reports in every summary table, inside the
 * caller's transaction, so each total is exact the moment the write commits. Keys are taken in a
 * fixed order so concurrent writers lock rows in the same order and cannot deadlock each other.
 */
export async function applyToRollups(db: EntityManager, selection: ReportSelection, sign: 1 | -1): Promise<void> {
  const [from, params] =
    'table' in selection
      ? [`${selection.table} r WHERE true`, []]
      : ['letter_report r WHERE r.id = ANY($1::int[])', [selection.ids]];
  for (const table of ROLLUP_TABLES) {
    const dims = table.dimensions.join(', ');
    await db.query(
      `INSERT INTO ${table.name} (${dims}, actions, reports)
       SELECT ${dims}, sum(r.count) * ${sign}, count(*) * ${sign}
       FROM ${from}${table.where ? ` AND r.${table.where}` : ''}
       GROUP BY ${dims} ORDER BY ${dims}
       ON CONFLICT ON CONSTRAINT ${table.name}_key DO UPDATE
       SET actions = ${table.name}.actions + excluded.actions, reports = ${table.name}.reports + excluded.reports`,
      params,
    );
  }
}

/** Marks that figures changed; returns the new version. Call last in a write transaction. */
export async function bumpDataVersion(db: EntityManager): Promise<number> {
  const [row] = await db.query(
    `UPDATE data_version SET version = version + 1, updated_at = now() RETURNING version`,
  );
  return Number(row.version);
}
