import { skipToken, useApolloClient, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { DashboardClient } from './apollo';
import { SiteHeader } from './components/SiteHeader';
import { ErrorState } from './components/StatusMessage';
import { LOGOUT_MUTATION, ME_QUERY } from './graphql/operations';
import { lazyModule, useLazyModule } from './lazy-module';
import { LoginPage } from './pages/LoginPage';
import {
  canManageSnapshots,
  COOKIE_BLOCKED_MESSAGE,
  errorMessage,
  isUnauthenticated,
  SESSION_ENDED_NOTICE,
  type SessionUser,
} from './session';
import { usePageParam, type PageId } from './url-state';

// Each page (and, through the overview, the charts) is its own chunk: someone who is not signed in
// downloads only the sign-in page, and the snapshots page costs nothing until it is opened.
const overviewPage = lazyModule(() => import('./pages/OverviewPage'));
const snapshotsPage = lazyModule(() => import('./pages/SnapshotsPage'));
const pageModules = { overview: overviewPage, snapshots: snapshotsPage } as const;

const PAGE_LABELS: Record<PageId, string> = { overview: 'Overview', snapshots: 'Snapshots' };

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
  const user = session?.status === 'signedIn' ? session.user : null;

  // Coordinators have the overview only; a link to the snapshots page shows them the overview.
  const [pageParam, setPage] = usePageParam();
  const pages: PageId[] = user && canManageSnapshots(user.role) ? ['overview', 'snapshots'] : ['overview'];
  const page: PageId = pages.includes(pageParam) ? pageParam : 'overview';
  useEffect(() => {
    if (user && page !== pageParam) setPage(page, 'replace');
  }, [user, page, pageParam, setPage]);

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
      pageModules[pageParam].load().catch(() => null), // a failed download shows its own error on the page
    ]);
    if (!data?.me) throw new Error(COOKIE_BLOCKED_MESSAGE);
    signedInRef.current = true;
    setChanged({ status: 'signedIn', user: data.me });
  }, [client, pageParam]);

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
    if (previous && session && previous !== session.status) {
      // From the top, header included: focusing would otherwise scroll the header out of sight.
      window.scrollTo(0, 0);
      mainRef.current?.focus({ preventScroll: true });
    }
  }, [session]);
  // The same after moving to another page (by the header's links, or back and forward).
  const shownPage = useRef(page);
  useEffect(() => {
    if (shownPage.current === page) return;
    shownPage.current = page;
    if (signedInRef.current) mainRef.current?.focus({ preventScroll: true });
  }, [page]);

  const overview = useLazyModule(overviewPage, signedIn && page === 'overview');
  const snapshots = useLazyModule(snapshotsPage, signedIn && page === 'snapshots');

  const navigate = useCallback(
    (next: PageId) => {
      if (next !== page) window.scrollTo(0, 0);
      setPage(next);
    },
    [page, setPage],
  );

  let content;
  if (session?.status === 'signedIn') {
    const loaded = page === 'snapshots' ? snapshots : overview;
    content = loaded.error ? (
      <ErrorState
        title="This page could not be loaded"
        error={loaded.error}
        onRetry={() => window.location.reload()}
      />
    ) : page === 'snapshots' && snapshots.module ? (
      <snapshots.module.SnapshotsPage />
    ) : page === 'overview' && overview.module ? (
      <overview.module.OverviewPage />
    ) : (
      <SessionSkeleton label="Loading the page…" />
    );
  } else if (session?.status === 'signedOut') {
    content = (
      <LoginPage
        notice={session.notice}
        onSignedIn={completeSignIn}
        onSignInStart={() => void pageModules[pageParam].load().catch(() => undefined)}
      />
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
        pages={signedIn ? pages.map((id) => ({ id, label: PAGE_LABELS[id] })) : []}
        current={signedIn ? page : null}
        onNavigate={navigate}
        onPrefetch={(id) => void pageModules[id].load().catch(() => undefined)}
        user={user}
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
