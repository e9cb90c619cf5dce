// Configuration, read and checked once. Every variable is listed in .env.example.
function int(source: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = source[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export interface Env {
  /** A real PostgreSQL server; without it the embedded database under dataDir is used. */
  databaseUrl: string | undefined;
  /** A read replica for dashboard queries (optional). */
  databaseReadUrl: string | undefined;
  port: number;
  nodeEnv: string;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  logLevel: string;
  /** Signs sessions and tokens; required in production. */
  sessionSecret: string | undefined;
  /** How often public counters read their figures again, in seconds. */
  counterRefreshSeconds: number;
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return {
    databaseUrl: source.DATABASE_URL || undefined,
    databaseReadUrl: source.DATABASE_READ_URL || undefined,
    port: int(source, "PORT", 4000),
    nodeEnv: source.NODE_ENV || 'development',
    dataDir: source.DATA_DIR || 'data',
    logLevel: source.LOG_LEVEL || (source.NODE_ENV === 'test' ? 'silent' : 'info'),
    sessionSecret: source.SESSION_SECRET || undefined,
    counterRefreshSeconds: Math.max(1, int(source, 'COUNTER_REFRESH_SECONDS', 5)),
  };
}
