// Configuration, read and checked once. Every variable is listed in .env.example.
function int(source: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = source[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function positive(source: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = int(source, name, fallback);
  if (value === 0) throw new Error(`${name} must be at least 1`);
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
  /** Connections for reads (queries, the dashboard) and how long and how many may wait for one. */
  readPool: ReadPoolSettings;
  /** Connections for writes (mutations, imports, sign-in), never taken by reads. */
  writePoolSize: number;
}

export interface ReadPoolSettings {
  size: number;
  /** Requests waiting for a connection beyond which the next is answered 503 at once. */
  queueLimit: number;
  /** Milliseconds a request waits for a connection before it is answered 503. */
  waitMs: number;
}

/** Defaults of the pools: 8 + 4 connections (and one for LISTEN) leave most of PostgreSQL's 100 to other instances. */
export const POOL_DEFAULTS = { readPoolSize: 8, readQueueLimit: 32, readWaitMs: 2000, writePoolSize: 4 };

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
    readPool: {
      size: positive(source, 'DB_READ_POOL_SIZE', POOL_DEFAULTS.readPoolSize),
      queueLimit: int(source, 'DB_READ_QUEUE_LIMIT', POOL_DEFAULTS.readQueueLimit),
      waitMs: positive(source, 'DB_READ_WAIT_MS', POOL_DEFAULTS.readWaitMs),
    },
    writePoolSize: positive(source, 'DB_WRITE_POOL_SIZE', POOL_DEFAULTS.writePoolSize),
  };
}
