import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A summary by year × day only: the 12-year comparison and a whole year's daily curve and totals
 * read ~85 rows a year here instead of aggregating rollup_daily (year × region × country × day,
 * ~2,800 rows a year at 1 M reports). Kept like the other summaries, in the same statements.
 */
export class RollupYearDay1764200000000 implements MigrationInterface {
  name = 'RollupYearDay1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rollup_year_day (
        year int NOT NULL,
        day date NOT NULL,
        actions bigint NOT NULL,
        reports int NOT NULL,
        CONSTRAINT rollup_year_day_key UNIQUE NULLS NOT DISTINCT (year, day)
      )`);
    await db.query(
      `INSERT INTO rollup_year_day SELECT year, day, sum(count), count(*) FROM letter_report
       WHERE status = 'ACTIVE' GROUP BY year, day`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rollup_year_day`);
  }
}
