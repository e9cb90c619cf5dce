import pg from 'pg';
import { openDatabase, type Database } from '../server/db/open-database';

/** The server the benchmark creates its database on: BENCH_DATABASE_URL, else the local PostgreSQL. */
function serverUrl(): string {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function benchDatabaseUrl(name = 'w4r_bench'): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh, migrated database named `name` (dropped first if it exists). */
export async function freshBenchDatabase(name = 'w4r_bench'): Promise<Database & { url: string }> {
  const admin = new pg.Client({ connectionString: benchDatabaseUrl('postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = benchDatabaseUrl(name);
  return { ...(await openDatabase({ databaseUrl: url, dataDir: 'unused' })), url };
}

/** An existing benchmark database (e.g. one a 10 M import filled earlier), migrated, not emptied. */
export async function existingBenchDatabase(name: string): Promise<Database & { url: string }> {
  const url = benchDatabaseUrl(name);
  return { ...(await openDatabase({ databaseUrl: url, dataDir: 'unused' })), url };
}

/**
 * VACUUM ANALYZE on its own connection: the app's pool has a statement timeout that a vacuum of
 * ten million reports outlasts on a busy machine.
 */
export async function vacuumAnalyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}
