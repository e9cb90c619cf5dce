import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PNG of each published snapshot's chart in each language, rendered on its first request and served from here
 * ever after (server/modules/snapshots/snapshot-images.ts). A snapshot never changes, so neither do
 * its images; a replacement is a new snapshot with images of its own.
 */
export class SnapshotImages1766200000000 implements MigrationInterface {
  name = 'SnapshotImages1766200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE snapshot_image (
        snapshot_id int NOT NULL REFERENCES snapshot (id),
        chart text NOT NULL,
        language text NOT NULL,
        png bytea NOT NULL,
        rendered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (snapshot_id, chart, language)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE snapshot_image`);
  }
}
