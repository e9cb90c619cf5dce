import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { isUnauthenticated } from './session';

/** Operations that handle "not signed in" themselves: their errors say nothing about a session. */
const SESSION_OPERATIONS = new Set(['Me', 'Login', 'Logout', 'DemoAccounts']);

export interface DashboardClient {
  client: ApolloClient;
  /** Calls `listener` whenever a data request is refused for want of a session (it expired). */
  onSessionEnded: (listener: () => void) => () => void;
}

export function createDashboardClient(): DashboardClient {
  const listeners = new Set<() => void>();

  // Runs before the result reaches the components, so the app can leave the page before any of
  // them draws an "UNAUTHENTICATED" error.
  const sessionLink = new ErrorLink(({ error, operation }) => {
    if (SESSION_OPERATIONS.has(operation.operationName ?? '') || !isUnauthenticated(error)) return;
    for (const listener of listeners) listener();
  });

  const client = new ApolloClient({
    // HttpLink posts JSON (content-type: application/json), which is what the server's CSRF
    // prevention asks of cookie-authenticated requests; the cookie goes to our own origin only.
    link: sessionLink.concat(new HttpLink({ uri: '/graphql', credentials: 'same-origin' })),
    cache: new InMemoryCache({
      // A campaign is identified by its year (there is one per year).
      typePolicies: { Campaign: { keyFields: ['year'] } },
    }),
  });

  return {
    client,
    onSessionEnded(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
