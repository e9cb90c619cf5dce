import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Group figures by year, kept exact in the write transaction like the other summary tables, with
 * an index of a year's groups by actions, so that a page of the whole campaign's ranking walks the
 * index from the top instead of summing and sorting every group of the campaign (about 47,000 at
 * 10 M reports). Filled from rollup_area_group, which holds them already and is exact.
 */
export class GroupRollups1766400000000 implements MigrationInterface {
  name = 'GroupRollups1766400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rollup_group (
        year int NOT NULL,
        group_id int,
        actions bigint NOT NULL,
        reports int NOT NULL,
        CONSTRAINT rollup_group_key UNIQUE NULLS NOT DISTINCT (year, group_id)
      )`);
    await db.query(`
      INSERT INTO rollup_group
      SELECT year, group_id, sum(actions), sum(reports) FROM rollup_area_group GROUP BY year, group_id`);
    // the groups that count, biggest first: the ranking's order
    await db.query(`
      CREATE INDEX rollup_group_ranking ON rollup_group (year, actions DESC, group_id)
      WHERE reports > 0 AND group_id IS NOT NULL`);
    await db.query(`ANALYZE rollup_group`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rollup_group`);
  }
}
