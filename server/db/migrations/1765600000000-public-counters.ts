import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Public live counters that staff create for section websites (server/modules/counters). */
export class PublicCounters1765600000000 implements MigrationInterface {
  name = 'PublicCounters1765600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE public_counter (
        slug text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]{10}$'),
        year int NOT NULL REFERENCES campaign (year),
        region text,
        country text CHECK (country ~ '^[A-Z]{2}$'),
        shows text[] NOT NULL CHECK (cardinality(shows) BETWEEN 1 AND 3 AND shows <@ ARRAY['ACTIONS', 'COUNTRIES', 'CASES']),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        language text NOT NULL CHECK (language IN ('en', 'es', 'fr', 'ar')),
        suppress_below int NOT NULL CHECK (suppress_below BETWEEN 1 AND 1000),
        paused boolean NOT NULL DEFAULT false,
        created_by int REFERENCES app_user (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE public_counter`);
  }
}
