import { afterAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../../server/db/data-source';
import { createEmptyDatabase } from '../support/database';

describe('migrations', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanup) await c();
  });

  it('create every table on an empty database, and a second run changes nothing', async () => {
    const empty = await createEmptyDatabase();
    cleanup.push(empty.drop);
    const ds = createDataSource({ url: empty.url });
    await ds.initialize();
    cleanup.unshift(() => ds.destroy());

    const applied = await ds.runMigrations({ transaction: 'each' });
    expect(applied.length).toBeGreaterThan(0);
    const tables = (await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).map(
      (r: { tablename: string }) => r.tablename,
    );
    expect(tables).toEqual(
      expect.arrayContaining(['campaign', 'case', 'case_outcome', 'writing_group', 'letter_report', 'import_batch', 'app_user']),
    );
    expect(await ds.runMigrations({ transaction: 'each' })).toEqual([]);
  });

  it('enforce the count range and the ISO codes in the database itself', async () => {
    const empty = await createEmptyDatabase();
    cleanup.push(empty.drop);
    const ds = createDataSource({ url: empty.url });
    await ds.initialize();
    cleanup.unshift(() => ds.destroy());
    await ds.runMigrations();
    await ds.query(`INSERT INTO campaign VALUES (2024, 'W4R', '2024-11-20', '2024-12-31', '2025-01-31', null, 'UTC')`);
    await ds.query(`INSERT INTO "case" (year, slug, name, country, theme) VALUES (2024, 'a', 'A', 'MX', 'OTHER')`);
    const insert = (count: number, country = 'US') =>
      ds.query(
        `INSERT INTO letter_report (report_id, year, case_id, group_type, action_type, count, reported_at, day, country, region, source)
         VALUES ($1, 2024, 1, 'INDIVIDUAL', 'LETTER', $2, now(), current_date, $3, 'Americas', 'FORM')`,
        [`r-${count}-${country}`, count, country],
      );
    await expect(insert(0)).rejects.toThrow(/check constraint/);
    await expect(insert(1_000_001)).rejects.toThrow(/check constraint/);
    await expect(insert(5, 'us')).rejects.toThrow(/check constraint/);
    await expect(insert(1_000_000)).resolves.toBeDefined();
  });
});
