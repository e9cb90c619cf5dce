import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/**
 * The database cannot serve a request now: it is down or restarting, or every connection is busy
 * and the wait for one is over. A state that passes, answered 503 with Retry-After (never as a
 * random internal error): the client tries again a moment later.
 */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly reason: 'busy' | 'down',
    options?: { cause?: unknown },
  ) {
    const why = options?.cause instanceof Error ? ` (${options.cause.message})` : '';
    super(`${reason === 'busy' ? 'every database connection is busy' : 'the database cannot be reached'}${why}`, options);
    this.name = 'DatabaseUnavailableError';
  }
}

/** Seconds a client is asked to wait before trying again (Retry-After). */
export const RETRY_AFTER_SECONDS = 1;

// SQLSTATEs of a connection lost or refused: class 08 (connection exception), a server shutting
// down or starting (57P01-57P03), too many connections (53300).
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/;
// Socket errors of a server that went away.
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
// TypeORM's query runner (or its provider) whose connection was dropped under a transaction (seen
// when every connection is terminated).
const UNAVAILABLE_CLASSES = [QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError];
// Errors that carry neither a class of their own nor a code, known by their message only: pg's for a
// connection closed under a query or unusable after an error, pg-pool's wait for a connection
// running out, and a server not accepting connections.
const UNAVAILABLE_MESSAGES = /^Connection terminated|^timeout exceeded when trying to connect|not queryable|not currently accepting connections/;

/** Whether `error` (or what it wraps: TypeORM's driverError, a cause) says the database is unavailable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message, driverError, cause } = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (e instanceof DatabaseUnavailableError || UNAVAILABLE_CLASSES.some((unavailable) => e instanceof unavailable)) return true;
    if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    // 57014 is any cancelled statement: only the statement timeout (a database too loaded to answer
    // in time) is unavailability, not a cancel by hand
    if (code === '57014' && typeof message === 'string' && /statement timeout/.test(message)) return true;
    e = driverError ?? cause;
  }
  return false;
}
