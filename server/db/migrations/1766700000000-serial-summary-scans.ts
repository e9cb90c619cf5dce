import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The summary tables as this migration found them: a later one sets it in its own migration (test/rollups/serial-scans.test.ts checks every one). */
const SUMMARY_TABLES = [
  'rollup_region_case', 'rollup_region_daily', 'rollup_daily', 'rollup_case_daily', 'rollup_area_case',
  'rollup_group', 'rollup_region_group', 'rollup_area_group', 'rollup_group_first_day',
];

/**
 * The summary tables are read by one process each: a statement over them touches at most a year's
 * rows (tens of thousands at 10 M reports), where starting parallel workers costs more than it
 * saves on a server of few cores serving many readers at once. "Not yet reported" (two years of
 * rollup_group compared, 86,000 rows) took 64–70 ms with a worker and 42–51 ms without; the groups
 * page cold, p50, went from 70 / 62 ms to 48 / 54 ms (whole campaign / one region, 10 M reports).
 */
export class SerialSummaryScans1766700000000 implements MigrationInterface {
  name = 'SerialSummaryScans1766700000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of SUMMARY_TABLES) await db.query(`ALTER TABLE ${table} SET (parallel_workers = 0)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of SUMMARY_TABLES) await db.query(`ALTER TABLE ${table} RESET (parallel_workers)`);
  }
}
