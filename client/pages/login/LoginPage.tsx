import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { commonMessages, type CommonKey } from '../../i18n/common.messages';
import { useMessages } from '../../i18n/use-messages';
import { accountLabel, errorMessage, graphQLErrorsOf, roleDescription } from '../../session';
import { useDocumentTitle } from '../../use-document-title';
import { loginMessages } from './messages';
import { DEMO_ACCOUNTS_QUERY, LOGIN_MUTATION, type DemoAccount } from './queries';

// This page is in the first download for everyone who is not signed in yet: keep it to React and
// Apollo, nothing from the charts.

interface Credentials {
  email: string;
  password: string;
}

interface LoginPageProps {
  /** Shown above the form, e.g. why the user is back here. */
  notice: string | null;
  /** Called once the server accepted the password; rejects with a message when the session did not stick. */
  onSignedIn: () => Promise<void>;
  /** Called when a sign-in starts, so the dashboard's code can download meanwhile. */
  onSignInStart?: () => void;
}

export function LoginPage({ notice, onSignedIn, onSignInStart }: LoginPageProps) {
  const { t } = useMessages('login', loginMessages);
  const common = useMessages('common', commonMessages);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [login] = useMutation(LOGIN_MUTATION);
  // Only the embedded demo database has demo accounts; anything else (or a failure) shows none.
  const demoAccounts = useQuery(DEMO_ACCOUNTS_QUERY).data?.demoAccounts ?? [];
  const ids = { email: useId(), password: useId(), error: useId() };

  useDocumentTitle([t('title')]);

  async function signIn(credentials: Credentials) {
    if (pending) return;
    setPending(true);
    setError(null);
    onSignInStart?.();
    try {
      await login({ variables: credentials });
      await onSignedIn(); // the app now shows the dashboard and this page goes away
    } catch (failure) {
      setPending(false);
      const code = graphQLErrorsOf(failure)[0]?.extensions;
      // The server's two refusals of a sign-in are said in the reader's language; the rest as it says them.
      if (code?.code === 'TOO_MANY_REQUESTS' && typeof code.retryAfterSeconds === 'number') {
        setError(t('tooManyAttempts', { count: Math.max(1, Math.ceil(code.retryAfterSeconds / 60)) }));
      } else if (code?.code === 'UNAUTHENTICATED') {
        setError(t('wrongCredentials'));
      } else {
        setError(errorMessage(failure, common.t));
      }
      // A wrong password: put the cursor back in the password, ready to type it again.
      if (code?.code === 'UNAUTHENTICATED') {
        passwordRef.current?.focus();
        passwordRef.current?.select();
      }
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void signIn({ email: email.trim(), password });
  }

  function signInAs(account: DemoAccount) {
    setEmail(account.email);
    setPassword(account.password);
    void signIn({ email: account.email, password: account.password });
  }

  return (
    <div className={`login${demoAccounts.length > 0 ? ' login--with-demo' : ''}`}>
      <section className="card login__card" aria-labelledby="login-title">
        <h1 id="login-title">{t('title')}</h1>
        <p className="login__intro">{t('intro')}</p>
        {notice ? (
          <p className="notice" role="status">
            {/* A key of the shell's words (SESSION_ENDED_NOTICE); any other text shows as it is. */}
            {common.t(notice as CommonKey)}
          </p>
        ) : null}
        <form className="login__form" onSubmit={onSubmit}>
          <div className="field">
            <label htmlFor={ids.email}>{t('email')}</label>
            <input
              id={ids.email}
              name="email"
              type="email"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.password}>{t('password')}</label>
            <input
              id={ids.password}
              ref={passwordRef}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              aria-describedby={error ? ids.error : undefined}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </div>
          {/* Always in the page, so screen readers announce a message as soon as it appears. */}
          <div id={ids.error} className={error ? 'login__error' : undefined} role="alert">
            {error}
          </div>
          <button type="submit" className="button login__submit" aria-disabled={pending}>
            {pending ? t('submitting') : t('submit')}
          </button>
        </form>
      </section>
      {demoAccounts.length > 0 ? (
        <DemoAccounts accounts={demoAccounts} onPick={signInAs} pending={pending} />
      ) : null}
    </div>
  );
}

interface DemoAccountsProps {
  accounts: readonly DemoAccount[];
  onPick: (account: DemoAccount) => void;
  pending: boolean;
}

function DemoAccounts({ accounts, onPick, pending }: DemoAccountsProps) {
  const { t } = useMessages('login', loginMessages);
  const common = useMessages('common', commonMessages).t;
  return (
    <section className="card demo-accounts" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">{t('demo.title')}</h2>
      <p className="demo-accounts__intro">{t('demo.intro')}</p>
      <ul className="demo-accounts__list">
        {accounts.map((account) => (
          <li key={account.email} className="demo-account">
            <div className="demo-account__text">
              <p className="demo-account__email">{account.email}</p>
              <p className="demo-account__scope">{roleDescription(account, common)}</p>
            </div>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => onPick(account)}
              aria-disabled={pending}
            >
              {t('demo.signInAs', { account: accountLabel(account, common) })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
