import type { DataSource } from 'typeorm';
import type { Env } from '../env';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded';

export interface Database {
  dataSource: DataSource;
  /** A streaming replica for dashboard reads (DATABASE_READ_URL), or null. */
  readDataSource: DataSource | null;
  /** True when running on the embedded PGlite database rather than a PostgreSQL server. */
  embedded: boolean;
  close(): Promise<void>;
}

/** Opens the configured database (DATABASE_URL, else the embedded one) and migrates it. */
export async function openDatabase(env: Pick<Env, 'databaseUrl' | 'dataDir'> & Partial<Pick<Env, 'databaseReadUrl'>>): Promise<Database> {
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
    // the replica follows the primary's schema by replication: it is never migrated itself
    const readDataSource = env.databaseReadUrl && !embedded ? createDataSource({ url: env.databaseReadUrl }) : null;
    await readDataSource?.initialize();
    return {
      dataSource,
      readDataSource,
      embedded: Boolean(embedded),
      async close() {
        await readDataSource?.destroy();
        await dataSource.destroy();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
