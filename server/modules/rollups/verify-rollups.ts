import type { DataSource, EntityManager } from 'typeorm';
import { GROUP_FIRST_DAY, verifyGroupFirstDays } from './group-first-day';
import { ROLLUP_TABLES } from './rollup-tables';

/** What a key holds: its sums, or (rollup_group_first_day) its first day. */
export type RollupFigures = { actions: number; reports: number } | { firstDay: string | null };

export interface RollupDifference {
  table: string;
  key: Record<string, unknown>;
  expected: RollupFigures;
  stored: RollupFigures;
}

/**
 * Recomputes every summary table from the raw active reports and lists each difference (first 100
 * per table). `onTable` hears of each table before it is checked.
 */
export async function verifyRollups(
  db: DataSource | EntityManager,
  onTable?: (table: string, index: number, total: number) => void,
): Promise<RollupDifference[]> {
  const total = ROLLUP_TABLES.length + 1;
  onTable?.(GROUP_FIRST_DAY.name, 0, total);
  const differences: RollupDifference[] = (await verifyGroupFirstDays(db)).map((d) => ({
    table: GROUP_FIRST_DAY.name,
    key: d.key,
    expected: { firstDay: d.expected },
    stored: { firstDay: d.stored },
  }));
  for (const [index, table] of ROLLUP_TABLES.entries()) {
    onTable?.(table.name, index + 1, total);
    const dims = table.dimensions.join(', ');
    // EXCEPT compares NULLs as equal (a missing subdivision), which a join condition would not.
    const rows: Record<string, unknown>[] = await db.query(
      `WITH expected AS (
         SELECT ${dims}, sum(count)::bigint AS actions, count(*)::int AS reports FROM letter_report
         WHERE status = 'ACTIVE' GROUP BY ${dims}),
       stored AS (SELECT ${dims}, actions, reports FROM ${table.name} WHERE reports <> 0 OR actions <> 0)
       (SELECT 'expected' AS side, * FROM (SELECT * FROM expected EXCEPT SELECT * FROM stored) e LIMIT 100)
       UNION ALL
       (SELECT 'stored' AS side, * FROM (SELECT * FROM stored EXCEPT SELECT * FROM expected) s LIMIT 100)`,
    );
    const byKey = new Map<string, RollupDifference>();
    for (const r of rows) {
      const key = Object.fromEntries(table.dimensions.map((d) => [d, r[d]]));
      const id = JSON.stringify(key);
      const diff = byKey.get(id) ?? { table: table.name, key, expected: { actions: 0, reports: 0 }, stored: { actions: 0, reports: 0 } };
      diff[r.side as 'expected' | 'stored'] = { actions: Number(r.actions), reports: Number(r.reports) };
      byKey.set(id, diff);
    }
    differences.push(...byKey.values());
  }
  return differences;
}
