import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type FieldMergeFunction, type Reference } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { OperationTypeNode } from 'graphql';
import { restoreBootstrap } from './bootstrap';
import { createRetryOnBusy, type BusyState } from './busy/busy-link';
import { attachLiveConnection, createLiveConnection } from './live/live-connection';
import { isUnauthenticated } from './session';

/** Operations that handle "not signed in" themselves: their errors say nothing about a session. */
const SESSION_OPERATIONS = new Set(['Me', 'Login', 'Logout', 'SignOutEverywhere', 'DemoAccounts']);

export interface DashboardClient {
  client: ApolloClient;
  /** Calls `listener` whenever a data request is refused for want of a session (it expired). */
  onSessionEnded: (listener: () => void) => () => void;
  /** Whether a request refused as busy (503) waits to be sent again. */
  busy: BusyState;
}

/** Every snapshot of both lists, newest first (by publication, then as the server ordered them). */
const mergeSnapshotLists: FieldMergeFunction<Reference[], Reference[]> = (existing = [], incoming, { readField }) => {
  const slugs = new Set(incoming.map((ref) => readField<string>('slug', ref)));
  const merged = [...incoming, ...existing.filter((ref) => !slugs.has(readField<string>('slug', ref)))];
  const publishedAt = (ref: Reference) => readField<string>('publishedAt', ref) ?? '';
  return merged
    .map((ref, index) => ({ ref, index }))
    .sort((a, b) => publishedAt(b.ref).localeCompare(publishedAt(a.ref)) || a.index - b.index)
    .map(({ ref }) => ref);
};

export function createDashboardClient(): DashboardClient {
  const listeners = new Set<() => void>();
  const sessionEnded = () => {
    for (const listener of listeners) listener();
  };

  // Runs before the result reaches the components, so the app can leave the page before any of
  // them draws an "UNAUTHENTICATED" error.
  const sessionLink = new ErrorLink(({ error, operation }) => {
    if (SESSION_OPERATIONS.has(operation.operationName ?? '') || !isUnauthenticated(error)) return;
    sessionEnded();
  });
  // A socket closed for want of a session says the same as a refused request.
  const live = createLiveConnection(sessionEnded);
  // A server busy or restarting (503, SERVICE_UNAVAILABLE): the request is sent again with backoff.
  const retryOnBusy = createRetryOnBusy();

  const client = new ApolloClient({
    // Subscriptions over the WebSocket; queries and mutations over HTTP, which posts JSON
    // (content-type: application/json), what the server's CSRF prevention asks of
    // cookie-authenticated requests; the cookie goes to our own origin only.
    link: sessionLink.split(
      (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
      new GraphQLWsLink(live.socket),
      ApolloLink.from([live.versionLink, retryOnBusy.link, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]),
    ),
    defaultOptions: {
      // A page opened again shows what the cache holds and asks for the current figures at once:
      // changes announced while it was closed only refetched the pages on screen.
      watchQuery: { fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' },
    },
    cache: new InMemoryCache({
      typePolicies: {
        // A campaign is identified by its year (there is one per year).
        Campaign: { keyFields: ['year'] },
        // The figures of one filter have no id: two documents asking for the same filter (the filter
        // bar's options and a page's figures) share one entry, so their fields are merged. Replaced,
        // each answer would drop the other's fields and the other query would be sent again.
        Impact: { merge: true },
        // A campaign's progress has no id either: the overview's figures and its same-day comparison
        // both ask for it, each with other fields.
        CampaignProgress: { merge: true },
        // So has last year's comparison: the figures ask for its change, the same-day request for its figures.
        SameDayLastYear: { merge: true },
        // A snapshot by its slug, which is unique and never changes. Once replaced it stays replaced,
        // so an older answer (a cache anywhere on the way) cannot undo a replacement seen here.
        Snapshot: {
          keyFields: ['slug'],
          fields: { replacedBy: { merge: (existing: unknown, incoming: unknown) => incoming ?? existing ?? null } },
        },
        // Snapshots are never deleted: an older list cannot make one seen here disappear.
        Query: { fields: { snapshots: { merge: mergeSnapshotLists } } },
      },
    }),
  });

  attachLiveConnection(client, live);
  restoreBootstrap(client, live.shown);

  return {
    client,
    busy: retryOnBusy.busy,
    onSessionEnded(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
