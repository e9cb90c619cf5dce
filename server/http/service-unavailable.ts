import type { ErrorRequestHandler, Response } from 'express';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../db/database-unavailable';
import { SERVICE_UNAVAILABLE } from '../graphql/service-unavailable';

/** 503 with Retry-After and the code GraphQL answers use, for the plain HTTP endpoints. */
export function sendServiceUnavailable(res: Response, body: Record<string, unknown> = {}): void {
  res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  res.status(503).json({
    error: 'The service is busy or restarting; nothing was done. Please try again in a moment.',
    code: SERVICE_UNAVAILABLE,
    ...body,
  });
}

/** The last error handler's neighbour: an endpoint that failed for want of the database answers 503, not 500. */
export const serviceUnavailableHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (!isDatabaseUnavailable(error) || res.headersSent) return next(error);
  sendServiceUnavailable(res);
};
