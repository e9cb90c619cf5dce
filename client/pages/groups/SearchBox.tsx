import { useEffect, useId, useState } from 'react';
import { useMessages } from '../../i18n/use-messages';
import { useSearchParam } from '../../url-state';
import { parseSearch, SEARCH_MAX_LENGTH } from './group-params';
import { groupsMessages } from './messages';

/** Typing pauses this long before the search is asked for, so each key is not a request. */
const DEBOUNCE_MS = 300;

/** The search box: what it holds is `?q=` in the address (replaced, not pushed: typing is not navigating). */
export function SearchBox() {
  const { t } = useMessages('groups', groupsMessages);
  const id = useId();
  const [param, setParam] = useSearchParam('q');
  const current = parseSearch(param);
  const [text, setText] = useState(current ?? '');

  // The address changed by itself (back, forward, a link): show its search.
  useEffect(() => {
    setText((typed) => (parseSearch(typed) === current ? typed : (current ?? '')));
  }, [current]);

  useEffect(() => {
    const next = parseSearch(text);
    if (next === current) return;
    const timer = window.setTimeout(() => setParam(next, 'replace'), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, current, setParam]);

  return (
    <form
      className="groups-search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        setParam(parseSearch(text), 'replace');
      }}
    >
      <label htmlFor={id}>{t('search.label')}</label>
      <div className="groups-search__row">
        <input
          id={id}
          type="search"
          value={text}
          maxLength={SEARCH_MAX_LENGTH}
          placeholder={t('search.placeholder')}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
        />
        {text ? (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setText('');
              setParam(null, 'replace');
            }}
          >
            {t('search.clear')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
