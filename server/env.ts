// Configuration, read and checked once. Every variable is listed in .env.example.
import { isIsoDate } from './common/dates';
import { availableParallelism } from 'node:os';

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
  /** pino's level (LOG_LEVEL): silent under tests and info otherwise unless set. */
  logLevel: LogLevel;
  /** Signs sessions and tokens; required in production. */
  sessionSecret: string | undefined;
  /** How often public counters read their figures again, in seconds. */
  counterRefreshSeconds: number;
  /** The largest CSV upload /api/imports takes, in bytes (IMPORT_MAX_BYTES, default 256 MiB). */
  importMaxBytes: number;
  /** Connections for reads (queries, the dashboard) and how long and how many may wait for one. */
  readPool: ReadPoolSettings;
  /** Connections for writes (mutations, imports, sign-in), never taken by reads. */
  writePoolSize: number;
  /** GraphQL reads executing at once (server/http/read-gate.ts): by default the cores. */
  readConcurrency: number;
  /** GraphQL reads waiting for their turn before the next is answered 503. */
  readQueueLimit: number;
  /**
   * The embedded demo keeps receiving reports (DEMO_TRICKLE, on unless "off"; off under NODE_ENV=test
   * unless "on"). Never with DATABASE_URL: a real database gets no invented reports.
   */
  demoTrickle: boolean;
  /** The embedded demo runs as if today were this date (DEMO_TODAY, YYYY-MM-DD); the real date otherwise. */
  demoToday: string | undefined;
}

function onOff(source: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = source[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw === 'on') return true;
  if (raw === 'off') return false;
  throw new Error(`${name} must be "on" or "off", got "${source[name]}"`);
}

function date(source: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = source[name]?.trim();
  if (!raw) return undefined;
  if (!isIsoDate(raw)) throw new Error(`${name} must be a date written YYYY-MM-DD, got "${source[name]}"`);
  return raw;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

function logLevel(source: NodeJS.ProcessEnv): LogLevel {
  const raw = source.LOG_LEVEL?.trim().toLowerCase();
  if (!raw) return source.NODE_ENV === 'test' ? 'silent' : 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${source.LOG_LEVEL}"`);
  return raw as LogLevel;
}

export interface ReadPoolSettings {
  size: number;
  /** Requests waiting for a connection beyond which the next is answered 503 at once. */
  queueLimit: number;
  /** Milliseconds a request waits for a connection before it is answered 503. */
  waitMs: number;
}

/**
 * Defaults of the pools: 8 + 4 connections (and one for LISTEN) leave most of PostgreSQL's 100 to other instances.
 * readsWaiting: GraphQL reads waiting their turn to execute (server/http/read-gate.ts): a peak's sixteen
 * readers' pages of four or five requests each, with room to spare.
 */
export const POOL_DEFAULTS = { readPoolSize: 8, readQueueLimit: 32, readWaitMs: 2000, writePoolSize: 4, readsWaiting: 256 };

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return {
    databaseUrl: source.DATABASE_URL || undefined,
    databaseReadUrl: source.DATABASE_READ_URL || undefined,
    port: int(source, "PORT", 4000),
    nodeEnv: source.NODE_ENV || 'development',
    dataDir: source.DATA_DIR || 'data',
    logLevel: logLevel(source),
    sessionSecret: source.SESSION_SECRET || undefined,
    counterRefreshSeconds: Math.max(1, int(source, 'COUNTER_REFRESH_SECONDS', 5)),
    importMaxBytes: positive(source, 'IMPORT_MAX_BYTES', 256 * 1024 * 1024),
    readPool: {
      size: positive(source, 'DB_READ_POOL_SIZE', POOL_DEFAULTS.readPoolSize),
      queueLimit: int(source, 'DB_READ_QUEUE_LIMIT', POOL_DEFAULTS.readQueueLimit),
      waitMs: positive(source, 'DB_READ_WAIT_MS', POOL_DEFAULTS.readWaitMs),
    },
    writePoolSize: positive(source, 'DB_WRITE_POOL_SIZE', POOL_DEFAULTS.writePoolSize),
    readConcurrency: positive(source, 'READ_CONCURRENCY', availableParallelism()),
    readQueueLimit: int(source, 'READ_QUEUE_LIMIT', POOL_DEFAULTS.readsWaiting),
    demoTrickle: onOff(source, 'DEMO_TRICKLE', source.NODE_ENV !== 'test') && !source.DATABASE_URL,
    demoToday: date(source, 'DEMO_TODAY'),
  };
}
