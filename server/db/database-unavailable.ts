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
// Socket errors of a server that went away, and pg's own for a connection closed under a query.
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
// ... a pool whose wait for a connection ran out (pg's own message), TypeORM's query runner (or its
// provider) whose connection was dropped under a transaction (seen when every connection is
// terminated), and a database too loaded to answer within the statement timeout (57014, which also names a cancel by hand: only the
// timeout counts).
const UNAVAILABLE_MESSAGES = /^Connection terminated|^timeout exceeded when trying to connect|^Database connection provided by a query runner was already released|^Query runner already released|not queryable|not currently accepting connections|canceling statement due to statement timeout/;

/** Whether `error` (or what it wraps: TypeORM's driverError, a cause) says the database is unavailable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, message, driverError, cause } = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (e instanceof DatabaseUnavailableError) return true;
    if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    e = driverError ?? cause;
  }
  return false;
}
