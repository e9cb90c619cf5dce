import pg from 'pg';
import { serverUrl } from './support/database';

/** Fails fast, with a clear message, when no PostgreSQL server is reachable. */
export default async function setup(): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `The tests need PostgreSQL at ${serverUrl()} (set TEST_DATABASE_URL): ${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
