import 'reflect-metadata';
import type { Database } from '../db/open-database';
import { openDatabase } from '../db/open-database';
import { readEnv, type Env } from '../env';
import { configureLogger } from '../logger';
import { CampaignFileError } from '../modules/campaigns/campaign-file';

/** A failure the user can act on: printed as its message alone, exit code 1. */
export class UsageError extends Error {}

/**
 * Runs a command against the configured database (DATABASE_URL, else the embedded one), migrated
 * first as every command must. Exit code 0 on success, 1 on any error.
 */
export async function runCommand(body: (database: Database, env: Env) => Promise<number | void>): Promise<void> {
  let database: Database | undefined;
  let code = 1;
  try {
    const env = readEnv();
    configureLogger(env);
    // a database that cannot be reached or migrated is one line, not a driver's stack trace
    database = await openDatabase(env).catch((error: unknown) => {
      throw new UsageError(`cannot open the database: ${(error as Error).message?.split('\n')[0] ?? String(error)}`);
    });
    code = (await body(database, env)) ?? 0;
  } catch (error) {
    console.error(error instanceof UsageError || isExpected(error) ? (error as Error).message : ((error as Error).stack ?? error));
  } finally {
    await database?.close().catch(() => undefined);
  }
  process.exit(code);
}

function isExpected(error: unknown): boolean {
  return error instanceof CampaignFileError;
}
