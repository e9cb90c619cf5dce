import { CombinedGraphQLErrors, ServerError, type ErrorLike } from '@apollo/client';
import { ApolloLink } from '@apollo/client/link';
import { RetryLink } from '@apollo/client/link/retry';
import { finalize, map } from 'rxjs';
import { graphQLErrorsOf } from '../session';

/** The server's code for "busy or restarting, nothing was done, send it again" (answered 503 with Retry-After). */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

/** Whether the server refused for now rather than for good: worth sending again. */
export function isServiceUnavailable(error: unknown): boolean {
  if (graphQLErrorsOf(error).some((e) => e.extensions?.code === SERVICE_UNAVAILABLE)) return true;
  return ServerError.is(error) && error.statusCode === 503;
}

/** Whether some request is waiting to be sent again; what the "Busy, retrying…" status shows. */
export interface BusyState {
  isBusy(): boolean;
  subscribe(listener: () => void): () => void;
}

export interface RetryOptions {
  /** Attempts in all, the first included (default 6: about half a minute of backoff). */
  attempts?: number;
  /** The first wait in ms (default 1000, the server's Retry-After), doubling up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Links that send a refused request again with backoff and say meanwhile that the server is busy.
 * Put `link` in front of the HTTP link. A 503 in the GraphQL response format arrives as a result
 * with errors, which RetryLink passes through: it is turned into an error first, so it is retried;
 * when the attempts run out, the components get it as any other error.
 */
export function createRetryOnBusy({ attempts = 6, initialDelayMs = 1000, maxDelayMs = 8000 }: RetryOptions = {}): { link: ApolloLink; busy: BusyState } {
  const waiting = new Set<ApolloLink.Operation>();
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());
  const settle = (operation: ApolloLink.Operation) => {
    if (waiting.delete(operation)) changed();
  };

  const busyAsError = new ApolloLink((operation, forward) =>
    forward(operation).pipe(
      map((result) => {
        if (result.errors?.some((e) => e.extensions?.code === SERVICE_UNAVAILABLE)) throw new CombinedGraphQLErrors(result);
        return result;
      }),
    ),
  );
  const retry = new RetryLink({
    // jitter: dashboards refused together do not all come back in the same instant
    delay: { initial: initialDelayMs, max: maxDelayMs, jitter: true },
    attempts: (attempt: number, operation: ApolloLink.Operation, error: ErrorLike) => {
      const again = attempt < attempts && isServiceUnavailable(error);
      if (again && !waiting.has(operation)) {
        waiting.add(operation);
        changed();
      }
      return again;
    },
  });
  // outside the retries: an operation stops waiting when it is answered, fails for good or is dropped
  const track = new ApolloLink((operation, forward) =>
    forward(operation).pipe(
      map((result) => {
        settle(operation);
        return result;
      }),
      finalize(() => settle(operation)),
    ),
  );

  return {
    link: ApolloLink.from([track, retry, busyAsError]),
    busy: {
      isBusy: () => waiting.size > 0,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
}
