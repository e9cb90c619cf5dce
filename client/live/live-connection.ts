import { ApolloLink, type ApolloClient } from '@apollo/client';
import { createClient, type Client } from 'graphql-ws';
import { tap } from 'rxjs';
import { retryDelay } from './backoff';
import { answerVersion, ShownVersion } from './shown-version';

/** A ping every 10 s; no pong within 5 s means the connection is dead (a laptop woke up, a proxy dropped it). */
const PING_INTERVAL_MS = 10_000;
const PONG_TIMEOUT_MS = 5_000;
/** graphql-ws close code: the socket's session is gone (expired, signed out elsewhere, account disabled). */
const UNAUTHORIZED = 4401;

/** The live-updates socket of a dashboard client and what it needs to decide on a refetch. */
export interface LiveConnection {
  socket: Client;
  /** The oldest data version of the answers received since it was last reset. */
  shown: ShownVersion;
  /** Notes the data version of every HTTP answer in `shown`; goes before the HTTP link. */
  versionLink: ApolloLink;
}

/**
 * The graphql-ws client for `/graphql` on this origin, which the session cookie authenticates. It
 * is lazy: the socket opens with the first subscription (the header's, started on sign-in) and
 * closes as soon as the last one ends (on sign-out), so it always carries the current session.
 * Dropped connections are retried forever, with a growing, jittered wait of at most 10 s.
 */
export function createLiveConnection(onUnauthorized: () => void): LiveConnection {
  let pongDue: ReturnType<typeof setTimeout> | undefined;
  const socket: Client = createClient({
    url: () => `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`,
    lazy: true,
    keepAlive: PING_INTERVAL_MS,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelay(retries, Math.random()))),
    on: {
      ping: (received) => {
        if (!received) pongDue = setTimeout(() => socket.terminate(), PONG_TIMEOUT_MS);
      },
      pong: (received) => {
        if (received) clearTimeout(pongDue);
      },
      closed: (event) => {
        clearTimeout(pongDue);
        if ((event as CloseEvent | undefined)?.code === UNAUTHORIZED) onUnauthorized();
      },
    },
  });

  const shown = new ShownVersion();
  const versionLink = new ApolloLink((operation, forward) =>
    forward(operation).pipe(
      tap((result) => {
        const version = answerVersion(result.extensions);
        if (version !== null) shown.saw(version);
      }),
    ),
  );
  return { socket, shown, versionLink };
}

// The connection belongs to its Apollo client, which every component can reach (useApolloClient).
const connections = new WeakMap<ApolloClient, LiveConnection>();

export function attachLiveConnection(client: ApolloClient, live: LiveConnection): void {
  connections.set(client, live);
}

export function liveConnectionOf(client: ApolloClient): LiveConnection {
  const live = connections.get(client);
  if (!live) throw new Error('This Apollo client has no live-updates connection (client/apollo.ts)');
  return live;
}
