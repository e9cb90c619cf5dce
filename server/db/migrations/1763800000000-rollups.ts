import type { MigrationInterface, QueryRunner } from 'typeorm';

// Text keys compare byte-wise ("C"): the unique keys are probed on every write, and it is faster.
const COLUMN_TYPES: Record<string, string> = {
  year: 'int NOT NULL',
  day: 'date NOT NULL',
  case_id: 'int NOT NULL',
  action_type: 'text COLLATE "C" NOT NULL',
  group_type: 'text COLLATE "C" NOT NULL',
  region: 'text COLLATE "C" NOT NULL',
  country: 'text COLLATE "C" NOT NULL',
  subdivision: 'text COLLATE "C"',
  group_id: 'int',
};

// Written out (not read from rollup-tables.ts) so this migration never changes after it has run.
const TABLES: [string, string[]][] = [
  ['rollup_daily', ['year', 'region', 'country', 'day']],
  ['rollup_case_daily', ['year', 'region', 'case_id', 'action_type', 'day']],
  ['rollup_area_case', ['year', 'region', 'country', 'case_id', 'action_type', 'group_type']],
  ['rollup_area_group', ['year', 'region', 'country', 'subdivision', 'group_id']],
];

/** Summary tables kept exact in the same transaction as every write, and the data version. */
export class Rollups1763800000000 implements MigrationInterface {
  name = 'Rollups1763800000000';

  async up(db: QueryRunner): Promise<void> {
    for (const [table, dims] of TABLES) {
      await db.query(`
        CREATE TABLE ${table} (
          ${dims.map((d) => `${d} ${COLUMN_TYPES[d]}`).join(',\n          ')},
          actions bigint NOT NULL,
          reports int NOT NULL,
          CONSTRAINT ${table}_key UNIQUE NULLS NOT DISTINCT (${dims.join(', ')})
        )`);
    }
    // Bumped by every write that changes a figure; keys result caches and live updates.
    await db.query(`
      CREATE TABLE data_version (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        version bigint NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`INSERT INTO data_version VALUES (true, 1, now())`);
    // Reports already stored (a database migrated before this change) are summed in.
    for (const [table, dims] of TABLES) {
      await db.query(
        `INSERT INTO ${table} SELECT ${dims.join(', ')}, sum(count), count(*) FROM letter_report
         WHERE status = 'ACTIVE' GROUP BY ${dims.join(', ')}`,
      );
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE data_version`);
    for (const [table] of TABLES) await db.query(`DROP TABLE ${table}`);
  }
}
