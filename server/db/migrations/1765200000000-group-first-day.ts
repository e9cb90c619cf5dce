import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each group's first day with an active report per campaign year × area (the areas of
 * rollup_area_group), kept exact in the write transaction like the other summary tables. It
 * answers "distinct groups up to a date" (the overview's same day last year) without reading the
 * raw reports. first_day is NULL once every report of the key is retracted (as rollup rows stay
 * behind with zero reports).
 */
export class GroupFirstDay1765200000000 implements MigrationInterface {
  name = 'GroupFirstDay1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rollup_group_first_day (
        year int NOT NULL,
        region text COLLATE "C" NOT NULL,
        country text COLLATE "C" NOT NULL,
        subdivision text COLLATE "C",
        group_id int NOT NULL,
        first_day date,
        CONSTRAINT rollup_group_first_day_key UNIQUE NULLS NOT DISTINCT (year, region, country, subdivision, group_id)
      )`);
    await db.query(`
      INSERT INTO rollup_group_first_day
      SELECT year, region, country, subdivision, group_id, min(day) FROM letter_report
      WHERE status = 'ACTIVE' AND group_id IS NOT NULL GROUP BY year, region, country, subdivision, group_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rollup_group_first_day`);
  }
}
