import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP_FIRST_DAY } from '../../server/modules/rollups/group-first-day';
import { ROLLUP_TABLES } from '../../server/modules/rollups/rollup-tables';
import { createTestDatabase, type TestDatabase } from '../support/database';

const SUMMARY_TABLES = [...ROLLUP_TABLES.map((t) => t.name), GROUP_FIRST_DAY.name];

describe('summary tables', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  it.each(SUMMARY_TABLES)('%s is scanned by one process, even where the planner finds workers cheap', async (table) => {
    // parallel workers made free and allowed on any table: without the table's parallel_workers = 0,
    // PostgreSQL plans a Gather of parallel workers for a scan of it
    const plan = await db.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL parallel_setup_cost = 0; SET LOCAL parallel_tuple_cost = 0;
        SET LOCAL min_parallel_table_scan_size = 0; SET LOCAL min_parallel_index_scan_size = 0; SET LOCAL max_parallel_workers_per_gather = 2`);
      const [row] = await m.query(`EXPLAIN (FORMAT JSON) SELECT count(*) FROM ${table} WHERE year > 2000`);
      return JSON.stringify(row['QUERY PLAN']);
    });
    expect(plan).toContain('"Relation Name":"' + table + '"');
    expect(plan).not.toMatch(/"Node Type":"Gather|"Parallel Aware":true/);
  });
});
