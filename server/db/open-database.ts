import type { DataSource } from 'typeorm';
import type { Env } from '../env';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded';

export interface Database {
  dataSource: DataSource;
  /** True when running on the embedded PGlite database rather than a PostgreSQL server. */
  embedded: boolean;
  close(): Promise<void>;
}

/** Opens the configured database (DATABASE_URL, else the embedded one) and migrates it. */
export async function openDatabase(env: Pick<Env, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  const embedded = env.databaseUrl ? undefined : await startEmbeddedPostgres(env.dataDir);
  try {
    const dataSource = createDataSource({
      url: env.databaseUrl ?? embedded!.url,
      // PGlite serves one query at a time; a large pool would only queue inside it.
      poolSize: embedded ? 4 : 10,
      queryTimeout: embedded ? 600_000 : undefined,
    });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    return {
      dataSource,
      embedded: Boolean(embedded),
      async close() {
        await dataSource.destroy();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
