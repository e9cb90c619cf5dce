import { skipToken, useApolloClient, useQuery } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { DashboardClient } from './apollo';
import { BusyStatus } from './busy/BusyStatus';
import { LoadingState } from './components/LoadingState';
import { QueryError } from './components/QueryError';
import { SiteHeader, type SignOutScope } from './components/SiteHeader';
import { ErrorState } from './components/StatusMessage';
import { LOGOUT_MUTATION, ME_QUERY, SIGN_OUT_EVERYWHERE_MUTATION } from './graphql/operations';
import { FilterBar } from './filters/FilterBar';
import { useMessages } from './i18n/use-messages';
import { commonMessages } from './i18n/common.messages';
import { useLazyModule } from './lazy-module';
import { LiveMark } from './live/LiveMark';
import { useLiveUpdates } from './live/use-live-updates';
import { LoginPage } from './pages/login/LoginPage';
import { SessionUserContext } from './session-user';
import { PAGES, pagesFor } from './pages/registry';
import {
  COOKIE_BLOCKED_MESSAGE,
  errorMessage,
  isUnauthenticated,
  SESSION_ENDED_NOTICE,
  type SessionUser,
} from './session';
import { usePageParam, type PageId } from './url-state';

type Session =
  | { status: 'signedOut'; notice: string | null }
  | { status: 'signedIn'; user: SessionUser }
  /** Between the two: the dashboard is gone and the store is being emptied. */
  | { status: 'leaving' };

interface AppProps {
  onSessionEnded: DashboardClient['onSessionEnded'];
  busy: DashboardClient['busy'];
}

export function App({ onSessionEnded, busy }: AppProps) {
  const client = useApolloClient();
  const { t } = useMessages('common', commonMessages);
  // Until the first sign-in or sign-out the session is what `me` said on load; from then on the app
  // itself knows, and `me` is no longer watched.
  const [changed, setChanged] = useState<Session | null>(null);
  // cache-first: index.html usually carries the answer (client/bootstrap.ts)
  const me = useQuery(ME_QUERY, changed ? skipToken : { fetchPolicy: 'cache-first' });
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
  // Figures refetched on every change while signed in; the socket closes when the session ends.
  const live = useLiveUpdates(signedIn);

  // A link to a page the role may not open (a coordinator following a link to Reports) shows the overview.
  const [pageParam, setPage] = usePageParam();
  const pages: PageId[] = user ? pagesFor(user.role) : ['overview'];
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
      PAGES[pageParam].module.load().catch(() => null), // a failed download shows its own error on the page
    ]);
    if (!data?.me) throw new Error(COOKIE_BLOCKED_MESSAGE);
    signedInRef.current = true;
    setChanged({ status: 'signedIn', user: data.me });
  }, [client, pageParam]);

  const [signOut, setSignOut] = useState({ pending: null as SignOutScope | null, error: null as string | null });
  const onSignOut = useCallback(async (scope: SignOutScope) => {
    if (signOut.pending) return;
    setSignOut({ pending: scope, error: null });
    try {
      // everywhere: every session and script token of this account ends, this one too
      if (scope === 'everywhere') await client.mutate({ mutation: SIGN_OUT_EVERYWHERE_MUTATION });
      else await client.mutate({ mutation: LOGOUT_MUTATION });
    } catch (error) {
      // Already signed out on the server (the session had expired): nothing left to undo.
      if (!isUnauthenticated(error)) {
        setSignOut({ pending: null, error: t('account.signOutFailed', { error: errorMessage(error) }) });
        return;
      }
    }
    setSignOut({ pending: null, error: null });
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

  const loaded = useLazyModule(PAGES[page].module, signedIn);
  // Whoever opens the dashboard's address is usually signed in: the page's code downloads while
  // `me` is asked, rather than after its answer.
  const checking = session === null && !me.error;
  useEffect(() => {
    if (checking) void PAGES[pageParam].module.load().catch(() => undefined);
  }, [checking, pageParam]);

  const navigate = useCallback(
    (next: PageId) => {
      if (next !== page) window.scrollTo(0, 0);
      setPage(next);
    },
    [page, setPage],
  );

  let content;
  if (session?.status === 'signedIn') {
    const Page = loaded.module;
    content = loaded.error ? (
      <ErrorState title={t('state.pageFailed')} error={loaded.error} onRetry={() => window.location.reload()} />
    ) : Page ? (
      <SessionUserContext value={session.user}>
        {PAGES[page].filtered ? <FilterBar key={page} /> : null}
        {/* the skip link's target: past the filters, to what the page shows */}
        <div id="figures" className="page-figures" tabIndex={-1}>
          <Page key={page} />
        </div>
      </SessionUserContext>
    ) : (
      <SessionSkeleton label={t('state.loadingPage')} />
    );
  } else if (session?.status === 'signedOut') {
    content = (
      <LoginPage
        notice={session.notice}
        onSignedIn={completeSignIn}
        onSignInStart={() => void PAGES[pageParam].module.load().catch(() => undefined)}
      />
    );
  } else if (session?.status === 'leaving') {
    content = <SessionSkeleton label={t('state.signingOut')} />;
  } else if (me.error) {
    content = (
      <>
        <h1 className="visually-hidden">{t('appName')}</h1>
        <QueryError title={t('state.serverUnreachable')} result={me} />
      </>
    );
  } else {
    content = null; // the session is being checked (the header says so): main is hidden (below)
  }

  return (
    <>
      <a className="skip-link" href={signedIn ? '#figures' : '#main'}>
        {signedIn ? t('skipToFigures') : t('skipToMain')}
      </a>
      <SiteHeader
        pages={signedIn ? pages.map((id) => ({ id, label: t(`nav.${id}`) })) : []}
        current={signedIn ? page : null}
        onNavigate={navigate}
        onPrefetch={(id) => void PAGES[id].module.load().catch(() => undefined)}
        user={user}
        onSignOut={(scope) => void onSignOut(scope)}
        signingOut={signOut.pending}
        signOutError={signOut.error}
        nameOnly={checking}
        status={
          <>
            {signedIn ? <LiveMark {...live} /> : null}
            {checking ? (
              <p className="visually-hidden" role="status">
                {t('state.checkingSession')}
              </p>
            ) : null}
            <BusyStatus busy={busy} />
          </>
        }
      />
      {/* While the session is checked, nothing under the header: it grows once the session is known
          (account, pages), and whatever were under it would jump down. */}
      <main id="main" className="page" tabIndex={-1} ref={mainRef} hidden={checking}>
        {content}
      </main>
    </>
  );
}

/** A small placeholder while the session is checked or the dashboard's code arrives. */
function SessionSkeleton({ label }: { label: string }) {
  return (
    <LoadingState label={label} className="page-skeleton">
      <div className="card" aria-hidden="true">
        <div className="skeleton skeleton--title" />
        <div className="skeleton skeleton--line" />
      </div>
    </LoadingState>
  );
}
