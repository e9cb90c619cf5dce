import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { RETRY_AFTER_SECONDS } from '../db/database-unavailable';

/**
 * The GraphQL error code of a request the server cannot answer now (the database busy, down or
 * restarting). Nothing was done; the same request may be sent again after `retryAfter` seconds.
 * The HTTP answer is 503 with a Retry-After header.
 */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

/** The error as the client sees it, whatever the database said. */
export function unavailableAnswer(path?: GraphQLFormattedError['path']): GraphQLFormattedError {
  return {
    message: 'The service is busy or restarting; nothing was done. Please try again in a moment.',
    ...(path && { path }),
    extensions: { code: SERVICE_UNAVAILABLE, retryable: true, retryAfter: RETRY_AFTER_SECONDS },
  };
}

/** For a failure before execution (the context function): Apollo takes the status and header from `extensions.http`. */
export function serviceUnavailable(cause: unknown): GraphQLError {
  return new GraphQLError(unavailableAnswer().message, {
    originalError: cause instanceof Error ? cause : undefined,
    extensions: {
      code: SERVICE_UNAVAILABLE,
      http: { status: 503, headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
    },
  });
}

/** Any answer carrying the code is sent as 503 with Retry-After (the errors are formatted by then). */
export const serviceUnavailablePlugin: ApolloServerPlugin = {
  requestDidStart: async () => ({
    willSendResponse: async ({ response }) => {
      if (response.body.kind !== 'single') return;
      if (!response.body.singleResult.errors?.some((e) => e.extensions?.code === SERVICE_UNAVAILABLE)) return;
      response.http.status = 503;
      response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
    },
  }),
};
