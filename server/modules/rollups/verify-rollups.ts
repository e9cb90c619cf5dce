import type { DataSource, EntityManager } from 'typeorm';
import { GROUP_FIRST_DAY } from './group-first-day';
import { ROLLUP_TABLES } from './rollup-tables';

/** What a key holds: its sums, or (rollup_group_first_day) its first day. */
export type RollupFigures = { actions: number; reports: number } | { firstDay: string | null };

export interface RollupDifference {
  table: string;
  key: Record<string, unknown>;
  expected: RollupFigures;
  stored: RollupFigures;
}

/** A summary table as recomputed from the raw reports (`expected`) and as stored, both SELECTs of its dimensions then its figures. */
interface RollupCheck {
  table: string;
  dimensions: string[];
  expected: string;
  stored: string;
  /** A key's figures from a row of either side; `absent` for a key on one side only. */
  figures(row: Record<string, unknown>): RollupFigures;
  absent: RollupFigures;
}

function checks(): RollupCheck[] {
  const firstDayDims = GROUP_FIRST_DAY.dimensions.join(', ');
  return [
    {
      table: GROUP_FIRST_DAY.name,
      dimensions: GROUP_FIRST_DAY.dimensions,
      expected: `SELECT ${firstDayDims}, min(day) AS first_day FROM letter_report
        WHERE status = 'ACTIVE' AND group_id IS NOT NULL GROUP BY ${firstDayDims}`,
      stored: `SELECT ${firstDayDims}, first_day FROM ${GROUP_FIRST_DAY.name} WHERE first_day IS NOT NULL`,
      figures: (r) => ({ firstDay: r.first_day as string }),
      absent: { firstDay: null },
    },
    ...ROLLUP_TABLES.map(({ name, dimensions }): RollupCheck => {
      const dims = dimensions.join(', ');
      return {
        table: name,
        dimensions,
        expected: `SELECT ${dims}, sum(count)::bigint AS actions, count(*)::int AS reports FROM letter_report
          WHERE status = 'ACTIVE' GROUP BY ${dims}`,
        stored: `SELECT ${dims}, actions, reports FROM ${name} WHERE reports <> 0 OR actions <> 0`,
        figures: (r) => ({ actions: Number(r.actions), reports: Number(r.reports) }),
        absent: { actions: 0, reports: 0 },
      };
    }),
  ];
}

/**
 * Runs `work` in one REPEATABLE READ transaction (one snapshot of the data for every check) without
 * the pool's statement timeout: at ten million reports a check takes longer than that timeout, which
 * is for the server's requests ("canceling statement due to statement timeout" in a 10 M bench).
 */
export function inVerifyTransaction<T>(dataSource: DataSource, work: (m: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction('REPEATABLE READ', async (m) => {
    await m.query(`SET LOCAL statement_timeout = 0`);
    await m.query(`SET LOCAL work_mem = '128MB'`);
    return work(m);
  });
}

/**
 * Recomputes every summary table from the raw active reports and lists each difference (first 100
 * per table and side). `onTable` hears of each table before it is checked.
 */
export async function verifyRollups(
  db: DataSource | EntityManager,
  onTable?: (table: string, index: number, total: number) => void,
): Promise<RollupDifference[]> {
  const all = checks();
  const differences: RollupDifference[] = [];
  for (const [index, check] of all.entries()) {
    onTable?.(check.table, index, all.length);
    differences.push(...(await differencesOf(db, check)));
  }
  return differences;
}

async function differencesOf(db: DataSource | EntityManager, check: RollupCheck): Promise<RollupDifference[]> {
  // EXCEPT compares NULLs as equal (a missing subdivision), which a join condition would not.
  const rows: Record<string, unknown>[] = await db.query(
    `WITH expected AS (${check.expected}), stored AS (${check.stored})
     (SELECT 'expected' AS side, * FROM (SELECT * FROM expected EXCEPT SELECT * FROM stored) e LIMIT 100)
     UNION ALL
     (SELECT 'stored' AS side, * FROM (SELECT * FROM stored EXCEPT SELECT * FROM expected) s LIMIT 100)`,
  );
  const byKey = new Map<string, RollupDifference>();
  for (const r of rows) {
    const key = Object.fromEntries(check.dimensions.map((d) => [d, r[d]]));
    const id = JSON.stringify(key);
    const diff = byKey.get(id) ?? { table: check.table, key, expected: check.absent, stored: check.absent };
    diff[r.side as 'expected' | 'stored'] = check.figures(r);
    byKey.set(id, diff);
  }
  return [...byKey.values()];
}
