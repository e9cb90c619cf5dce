import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two small summary tables for the figures every page opens with, kept exact in the write
 * transaction like the others: by region, case and action type (totals and the breakdowns by case,
 * action type and region) and by region and day (daily curves and the years compared). A few
 * hundred rows a campaign each, where the tables that also carry the country or the day of each
 * case grow with the reports (at 10 M reports the cases page summed 270,000 rows to list 120 cases,
 * and the overview's progress 40,000 to draw twelve curves). Filled from the summary tables that
 * hold them already, which are exact.
 */
export class RegionRollups1766300000000 implements MigrationInterface {
  name = 'RegionRollups1766300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rollup_region_case (
        year int NOT NULL,
        region text COLLATE "C" NOT NULL,
        case_id int NOT NULL,
        action_type text COLLATE "C" NOT NULL,
        actions bigint NOT NULL,
        reports int NOT NULL,
        CONSTRAINT rollup_region_case_key UNIQUE NULLS NOT DISTINCT (year, region, case_id, action_type)
      )`);
    await db.query(`
      CREATE TABLE rollup_region_daily (
        year int NOT NULL,
        region text COLLATE "C" NOT NULL,
        day date NOT NULL,
        actions bigint NOT NULL,
        reports int NOT NULL,
        CONSTRAINT rollup_region_daily_key UNIQUE NULLS NOT DISTINCT (year, region, day)
      )`);
    await db.query(`
      INSERT INTO rollup_region_case
      SELECT year, region, case_id, action_type, sum(actions), sum(reports) FROM rollup_case_daily
      GROUP BY year, region, case_id, action_type`);
    await db.query(`
      INSERT INTO rollup_region_daily
      SELECT year, region, day, sum(actions), sum(reports) FROM rollup_daily GROUP BY year, region, day`);
    // planned with their real size at once: estimated empty, the years' curves were joined row by row
    await db.query(`ANALYZE rollup_region_case, rollup_region_daily`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rollup_region_daily`);
    await db.query(`DROP TABLE rollup_region_case`);
  }
}
