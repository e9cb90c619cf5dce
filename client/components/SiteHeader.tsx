import type { MouseEvent } from 'react';
import { regionsLabel, roleLabel, type SessionUser } from '../session';
import { pageHref, type PageId } from '../url-state';

interface SiteHeaderProps {
  /** The pages the user may open; none on the sign-in page. One page is named, not linked. */
  pages: readonly { id: PageId; label: string }[];
  current: PageId | null;
  onNavigate: (page: PageId) => void;
  /** The pointer or focus is on a page's link: its code may start downloading. */
  onPrefetch?: (page: PageId) => void;
  /** Null when nobody is signed in: no account area. */
  user: SessionUser | null;
  onSignOut: () => void;
  signingOut: boolean;
  signOutError: string | null;
}

export function SiteHeader(props: SiteHeaderProps) {
  const { pages, current, onNavigate, onPrefetch, user, onSignOut, signingOut, signOutError } = props;
  const regions = user ? regionsLabel(user) : null;
  const section = pages.length === 1 ? pages[0].label : null;

  // Real links (they open in a new tab, and can be copied); a plain click stays in the page.
  function onLinkClick(event: MouseEvent<HTMLAnchorElement>, page: PageId) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onNavigate(page);
  }

  return (
    <header className="site-header">
      <div className="site-header__inner">
        <div className="site-header__brand">
          <span className="site-header__mark" aria-hidden="true" />
          <p className="site-header__name">Write for Rights Impact</p>
          {section ? <p className="site-header__section">{section}</p> : null}
        </div>
        {pages.length > 1 ? (
          <nav className="site-nav" aria-label="Dashboard pages">
            <ul className="site-nav__list">
              {pages.map((page) => (
                <li key={page.id}>
                  <a
                    className="site-nav__link"
                    href={pageHref(page.id)}
                    aria-current={page.id === current ? 'page' : undefined}
                    onClick={(event) => onLinkClick(event, page.id)}
                    onPointerEnter={() => onPrefetch?.(page.id)}
                    onFocus={() => onPrefetch?.(page.id)}
                  >
                    {page.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
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
