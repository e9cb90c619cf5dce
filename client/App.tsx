import { skipToken, useApolloClient, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { DashboardClient } from './apollo';
import { SiteHeader } from './components/SiteHeader';
import { ErrorState } from './components/StatusMessage';
import { LOGOUT_MUTATION, ME_QUERY } from './graphql/operations';
import { LoginPage } from './pages/LoginPage';
import { COOKIE_BLOCKED_MESSAGE, errorMessage, isUnauthenticated, SESSION_ENDED_NOTICE, type SessionUser } from './session';

// The dashboard (and, through it, the charts) is its own chunk: someone who is not signed in
// downloads only the sign-in page. It is rendered once downloaded rather than through React.lazy:
// a lazy component suspends on its first render even when its code is already here, and React then
// holds the page back for its fallback's minimum time (300 ms).
type OverviewModule = typeof import('./pages/OverviewPage');
let overviewModule: OverviewModule | null = null;
const loadOverview = () =>
  import('./pages/OverviewPage').then((module) => {
    overviewModule = module;
    return module;
  });

/** The dashboard's code when `needed`: downloads it unless it is already here. */
function useOverviewModule(needed: boolean): { module: OverviewModule | null; error: Error | null } {
  const [module, setModule] = useState(overviewModule);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    if (!needed || module) return;
    let live = true;
    loadOverview().then(
      (loaded) => live && setModule(loaded),
      (failure: unknown) => live && setError(failure instanceof Error ? failure : new Error(String(failure))),
    );
    return () => {
      live = false;
    };
  }, [needed, module]);
  return { module: module ?? overviewModule, error };
}

type Session =
  | { status: 'signedOut'; notice: string | null }
  | { status: 'signedIn'; user: SessionUser }
  /** Between the two: the dashboard is gone and the store is being emptied. */
  | { status: 'leaving' };

interface AppProps {
  onSessionEnded: DashboardClient['onSessionEnded'];
}

export function App({ onSessionEnded }: AppProps) {
  const client = useApolloClient();
  // Until the first sign-in or sign-out the session is what `me` said on load; from then on the app
  // itself knows, and `me` is no longer watched.
  const [changed, setChanged] = useState<Session | null>(null);
  const me = useQuery(ME_QUERY, changed ? skipToken : {});
  const session: Session | null =
    changed ??
    (me.data
      ? me.data.me
        ? { status: 'signedIn', user: me.data.me }
        : { status: 'signedOut', notice: null }
      : me.error && isUnauthenticated(me.error)
        ? { status: 'signedOut', notice: null }
        : null);
  const signedIn = session?.status === 'signedIn';

  const signedInRef = useRef(signedIn);
  useEffect(() => {
    signedInRef.current = signedIn;
  }, [signedIn]);

  /** Back to the sign-in page, then nothing of the session is kept. */
  const endSession = useCallback(
    async (notice: string | null) => {
      signedInRef.current = false;
      // Leave the dashboard now, before its queries can draw their errors or refetch on a cleared
      // cache; show the sign-in page only once the store is empty, so that clearing it cannot cancel
      // the sign-in page's own query.
      flushSync(() => setChanged({ status: 'leaving' }));
      await client.clearStore().catch(() => undefined);
      setChanged({ status: 'signedOut', notice });
    },
    [client],
  );

  // A data request refused for want of a session: it expired (or was revoked) while the page was open.
  useEffect(
    () =>
      onSessionEnded(() => {
        if (signedInRef.current) void endSession(SESSION_ENDED_NOTICE);
      }),
    [onSessionEnded, endSession],
  );

  // The store is emptied whenever a session ends, so a new one starts from nothing; asking `me`
  // again (rather than trusting the login answer) checks that the browser kept the cookie.
  const completeSignIn = useCallback(async () => {
    const [{ data }] = await Promise.all([
      client.query({ query: ME_QUERY, fetchPolicy: 'network-only' }),
      loadOverview().catch(() => null), // a failed download shows its own error on the dashboard
    ]);
    if (!data?.me) throw new Error(COOKIE_BLOCKED_MESSAGE);
    signedInRef.current = true;
    setChanged({ status: 'signedIn', user: data.me });
  }, [client]);

  const [signOut, setSignOut] = useState({ pending: false, error: null as string | null });
  const onSignOut = useCallback(async () => {
    if (signOut.pending) return;
    setSignOut({ pending: true, error: null });
    try {
      await client.mutate({ mutation: LOGOUT_MUTATION });
    } catch (error) {
      // Already signed out on the server (the session had expired): nothing left to undo.
      if (!isUnauthenticated(error)) {
        setSignOut({ pending: false, error: `Signing out failed: ${errorMessage(error)}` });
        return;
      }
    }
    setSignOut({ pending: false, error: null });
    await endSession(null);
  }, [client, endSession, signOut.pending]);

  // Keyboard and screen-reader users start again at the top of the new page after signing in or out
  // (the button they used is gone).
  const mainRef = useRef<HTMLElement>(null);
  const shownStatus = useRef(session?.status);
  useEffect(() => {
    const previous = shownStatus.current;
    shownStatus.current = session?.status;
    if (previous && session && previous !== session.status) mainRef.current?.focus();
  }, [session]);

  const overview = useOverviewModule(signedIn);

  let content;
  if (session?.status === 'signedIn') {
    content = overview.module ? (
      <overview.module.OverviewPage />
    ) : overview.error ? (
      <ErrorState
        title="The dashboard could not be loaded"
        error={overview.error}
        onRetry={() => window.location.reload()}
      />
    ) : (
      <SessionSkeleton label="Loading the dashboard…" />
    );
  } else if (session?.status === 'signedOut') {
    content = (
      <LoginPage notice={session.notice} onSignedIn={completeSignIn} onSignInStart={() => void loadOverview()} />
    );
  } else if (session?.status === 'leaving') {
    content = <SessionSkeleton label="Signing out…" />;
  } else if (me.error) {
    content = (
      <>
        <h1 className="visually-hidden">Write for Rights Impact</h1>
        <ErrorState
          title="The dashboard could not reach its server"
          error={me.error}
          retrying={me.loading}
          onRetry={() => void me.refetch().catch(() => undefined)}
        />
      </>
    );
  } else {
    content = <SessionSkeleton label="Checking whether you are signed in…" />;
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {signedIn ? 'Skip to the figures' : 'Skip to the main content'}
      </a>
      <SiteHeader
        section={signedIn ? 'Overview' : null}
        user={session?.status === 'signedIn' ? session.user : null}
        onSignOut={() => void onSignOut()}
        signingOut={signOut.pending}
        signOutError={signOut.error}
      />
      <main id="main" className="page" tabIndex={-1} ref={mainRef}>
        {content}
      </main>
    </>
  );
}

/** A small placeholder while the session is checked or the dashboard's code arrives. */
function SessionSkeleton({ label }: { label: string }) {
  return (
    <div className="session-skeleton" aria-busy="true">
      <p className="visually-hidden" role="status">
        {label}
      </p>
      <div className="card" aria-hidden="true">
        <div className="skeleton skeleton--title" />
        <div className="skeleton skeleton--line" />
      </div>
    </div>
  );
}
