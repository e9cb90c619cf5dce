import { regionsLabel, roleLabel, type SessionUser } from '../session';

interface SiteHeaderProps {
  /** The page's name beside the product's, e.g. "Overview"; none on the sign-in page. */
  section: string | null;
  /** Null when nobody is signed in: no account area. */
  user: SessionUser | null;
  onSignOut: () => void;
  signingOut: boolean;
  signOutError: string | null;
}

export function SiteHeader({ section, user, onSignOut, signingOut, signOutError }: SiteHeaderProps) {
  const regions = user ? regionsLabel(user) : null;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <div className="site-header__brand">
          <span className="site-header__mark" aria-hidden="true" />
          <p className="site-header__name">Write for Rights Impact</p>
          {section ? <p className="site-header__section">{section}</p> : null}
        </div>
        {user ? (
          <div className="account">
            <p className="account__who">
              <span className="visually-hidden">Signed in as </span>
              <span className="account__email">{user.email}</span>
              <span className="visually-hidden">, </span>
              <span className="account__role">{roleLabel(user.role)}</span>
              {regions ? (
                <>
                  <span className="visually-hidden">, </span>
                  <span className="account__regions">{regions}</span>
                </>
              ) : null}
            </p>
            <button
              type="button"
              className="button button--on-dark"
              onClick={onSignOut}
              aria-disabled={signingOut}
            >
              {signingOut ? 'Signing out…' : 'Sign out'}
            </button>
            {signOutError ? (
              <p className="account__error" role="alert">
                {signOutError}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
    </header>
  );
}
