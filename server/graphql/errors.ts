import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import { logger } from '../logger';
import { SERVICE_UNAVAILABLE, unavailableAnswer } from './service-unavailable';

const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'TOO_MANY_REQUESTS',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Errors meant for the client keep their message and code; the database busy or unreachable is
 * SERVICE_UNAVAILABLE (answered 503, retryable: server/graphql/service-unavailable.ts); anything
 * else (a database error, a bug) becomes a generic message and a log line, so no SQL or stack leaks out.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const original = unwrapResolverError(error);
  if (code === SERVICE_UNAVAILABLE || isDatabaseUnavailable(original)) {
    logger.warn({ reason: (original as Error)?.message, path: formatted.path }, 'database unavailable: answered 503');
    return unavailableAnswer(formatted.path);
  }
  if (isArgumentValidationError(original)) {
    return { message: validationMessage(original), path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL request');
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

interface ValidationErrorShape {
  extensions?: { code?: string; validationErrors?: { property: string; constraints?: Record<string, string> }[] };
  message: string;
}

/** type-graphql's argument validation error: its readable reasons are in validationErrors. */
function isArgumentValidationError(error: unknown): error is ValidationErrorShape {
  return Array.isArray((error as ValidationErrorShape)?.extensions?.validationErrors);
}

function validationMessage(error: ValidationErrorShape): string {
  const details = (error.extensions?.validationErrors ?? []).flatMap((v) => Object.values(v.constraints ?? {}));
  return details.length ? details.join('; ') : error.message;
}
