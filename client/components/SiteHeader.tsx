import { useEffect, useId, useRef, type MouseEvent, type ReactNode } from 'react';
import { formatList, regionName } from '../format';
import { LANGUAGES, setLanguage, type Language } from '../i18n/i18n';
import { useMessages } from '../i18n/use-messages';
import { commonMessages } from '../i18n/common.messages';
import { roleLabel, type SessionUser } from '../session';
import { pageHref, type PageId } from '../url-state';

/** This session only, or every session and script token of the account. */
export type SignOutScope = 'here' | 'everywhere';

interface SiteHeaderProps {
  /** The pages the user may open; none on the sign-in page. One page is named, not linked. */
  pages: readonly { id: PageId; label: string }[];
  current: PageId | null;
  onNavigate: (page: PageId) => void;
  /** The pointer or focus is on a page's link: its code may start downloading. */
  onPrefetch?: (page: PageId) => void;
  /** Null when nobody is signed in: no account area. */
  user: SessionUser | null;
  onSignOut: (scope: SignOutScope) => void;
  /** Which sign-out is under way, if any. */
  signingOut: SignOutScope | null;
  signOutError: string | null;
  /** The live-update mark ("Updated 14:05:09") while signed in. */
  status?: ReactNode;
  /**
   * While the session is checked: the name and the status only. Where the language picker goes
   * depends on who is signed in (beside the name, or on a row of its own): it waits rather than jumps.
   */
  nameOnly?: boolean;
}

export function SiteHeader(props: SiteHeaderProps) {
  const { pages, current, onNavigate, onPrefetch, user, onSignOut, signingOut, signOutError, status, nameOnly } = props;
  const { t } = useMessages('common', commonMessages);
  const regions = user && user.regions.length > 0 ? t('account.regions', { regions: formatList(user.regions.map(regionName)) }) : null;
  const role = user ? roleLabel(user.role, t) : null;
  const section = pages.length === 1 ? pages[0].label : null;

  // On a phone the pages scroll sideways in one line: keep the current one in sight, and fade the
  // edges (CSS) only while there is more to scroll to.
  const navList = useRef<HTMLUListElement>(null);
  const labels = pages.map((page) => page.label).join('\n'); // widths change with the words
  useEffect(() => {
    const list = navList.current;
    if (!list) return;
    const link = list.querySelector<HTMLElement>('[aria-current="page"]');
    if (link && list.scrollWidth > list.clientWidth) {
      list.scrollLeft = link.offsetLeft - (list.clientWidth - link.offsetWidth) / 2;
    }
    const markEnd = () => {
      const scrolled = Math.abs(list.scrollLeft); // negative right to left: the start is on the right
      list.toggleAttribute('data-scrolled', scrolled > 0);
      list.toggleAttribute('data-scrolled-to-end', scrolled + list.clientWidth >= list.scrollWidth - 1);
    };
    markEnd();
    list.addEventListener('scroll', markEnd, { passive: true });
    window.addEventListener('resize', markEnd);
    return () => {
      list.removeEventListener('scroll', markEnd);
      window.removeEventListener('resize', markEnd);
    };
  }, [current, labels]);

  // Real links (they open in a new tab, and can be copied); a plain click stays in the page.
  function onLinkClick(event: MouseEvent<HTMLAnchorElement>, page: PageId) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onNavigate(page);
  }

  return (
    <header className="site-header">
      <div className="site-header__inner">
        {/* One bar (name, language, account), then the pages: the keyboard meets them in the order seen. */}
        <div className="site-header__bar">
          <div className="site-header__brand">
            <span className="site-header__mark" aria-hidden="true" />
            <p className="site-header__name">{t('appName')}</p>
            {section ? <p className="site-header__section">{section}</p> : null}
          </div>
          {nameOnly ? status : (
            <div className="site-header__tools">
              {status}
              <LanguagePicker />
            </div>
          )}
          {user ? (
            <div className="account">
              <p className="account__who">
                <span className="visually-hidden">{t('account.signedInAs')} </span>
                <span className="account__email">{user.email}</span>
                <span className="visually-hidden">, </span>
                <span className="account__role">{role}</span>
                {regions ? (
                  <>
                    <span className="visually-hidden">, </span>
                    <span className="account__regions">{regions}</span>
                  </>
                ) : null}
              </p>
              <div className="account__actions">
                <button
                  type="button"
                  className="button button--on-dark"
                  onClick={() => onSignOut('here')}
                  aria-disabled={signingOut !== null}
                >
                  {signingOut === 'here' ? t('account.signingOut') : t('account.signOut')}
                </button>
                <button
                  type="button"
                  className="button button--on-dark"
                  onClick={() => onSignOut('everywhere')}
                  aria-disabled={signingOut !== null}
                >
                  {signingOut === 'everywhere' ? t('account.signingOut') : t('account.signOutEverywhere')}
                </button>
              </div>
              {signOutError ? (
                <p className="account__error" role="alert">
                  {signOutError}
                </p>
              ) : null}
            </div>
          ) : null}
        </div>
        {pages.length > 1 ? (
          <nav className="site-nav" aria-label={t('nav.label')}>
            <ul className="site-nav__list" ref={navList}>
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
      </div>
    </header>
  );
}

/** The interface language; figures and dates follow it. */
function LanguagePicker() {
  const { t, language } = useMessages('common', commonMessages);
  const id = useId();
  return (
    <div className="language-picker">
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <select id={id} value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
