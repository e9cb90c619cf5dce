import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Group figures by year and region, kept exact in the write transaction like the other summary
 * tables, with an index of a region's groups by actions: a coordinator's ranking (one region) walks
 * it from the top, as the whole campaign's walks rollup_group's, instead of summing every area row
 * of the region's groups and ranking them all (about 18,000 groups a region at 10 M reports).
 * Filled from rollup_area_group, which holds them already and is exact.
 */
export class RegionGroupRollups1766500000000 implements MigrationInterface {
  name = 'RegionGroupRollups1766500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rollup_region_group (
        year int NOT NULL,
        region text COLLATE "C" NOT NULL,
        group_id int,
        actions bigint NOT NULL,
        reports int NOT NULL,
        CONSTRAINT rollup_region_group_key UNIQUE NULLS NOT DISTINCT (year, region, group_id)
      )`);
    await db.query(`
      INSERT INTO rollup_region_group
      SELECT year, region, group_id, sum(actions), sum(reports) FROM rollup_area_group GROUP BY year, region, group_id`);
    // a region's groups that count, biggest first: the ranking's order
    await db.query(`
      CREATE INDEX rollup_region_group_ranking ON rollup_region_group (year, region, actions DESC, group_id)
      WHERE reports > 0 AND group_id IS NOT NULL`);
    await db.query(`ANALYZE rollup_region_group`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rollup_region_group`);
  }
}
