import type { DataSource } from 'typeorm';
import type { Env } from '../env';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded';

export interface Database {
  /** The primary: migrations, commands, and in the server the writes (server/app.ts opens its own read pool). */
  dataSource: DataSource;
  /** A streaming replica for dashboard reads (DATABASE_READ_URL), or null. */
  readDataSource: DataSource | null;
  /** True when running on the embedded PGlite database rather than a PostgreSQL server. */
  embedded: boolean;
  close(): Promise<void>;
}

/** Opens the configured database (DATABASE_URL, else the embedded one) and migrates it. */
export async function openDatabase(
  env: Pick<Env, 'databaseUrl' | 'dataDir'> & Partial<Pick<Env, 'databaseReadUrl' | 'readPool' | 'writePoolSize'>>,
): Promise<Database> {
  const embedded = env.databaseUrl ? undefined : await startEmbeddedPostgres(env.dataDir);
  try {
    const dataSource = createDataSource({
      url: env.databaseUrl ?? embedded!.url,
      // PGlite serves one query at a time; a large pool would only queue inside it. Without a
      // configured size (tests' own databases) the pool is as it always was.
      poolSize: Math.min(embedded ? 4 : Infinity, env.writePoolSize ?? 10),
      queryTimeout: embedded ? 600_000 : undefined,
    });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    // the replica follows the primary's schema by replication: it is never migrated itself
    const readPool = env.readPool && { poolSize: env.readPool.size, queueLimit: env.readPool.queueLimit, connectionWaitMs: env.readPool.waitMs };
    const readDataSource = env.databaseReadUrl && !embedded ? createDataSource({ url: env.databaseReadUrl, ...readPool, applicationName: 'w4r-impact reads' }) : null;
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
