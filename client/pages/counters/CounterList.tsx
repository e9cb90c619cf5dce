import { useMutation } from '@apollo/client/react';
import { CopyButton } from '../../components/CopyButton';
import { StatusBadge } from '../../components/StatusBadge';
import type { CountersQuery } from '../../gql/graphql';
import { useMessages } from '../../i18n/use-messages';
import { countersMessages } from './messages';
import { COUNTERS_QUERY, REMOVE_COUNTER_MUTATION, SET_COUNTER_PAUSED_MUTATION } from './queries';
import { formatYear, regionName } from '../../format';

type Counter = CountersQuery['counters'][number];

/** What a section pastes into its page: a div the script fills (the script is shared by all counters). */
export const embedCode = (origin: string, slug: string) =>
  `<div data-w4r-counter="${slug}"></div>\n<script src="${origin}/c/embed.js" async></script>`;

/** Every counter with its badge, its embed code and links, and pause, resume and remove. */
export function CounterList({ counters }: { counters: Counter[] }) {
  const { t } = useMessages('counters', countersMessages);
  const [setPaused] = useMutation(SET_COUNTER_PAUSED_MUTATION);
  const [remove] = useMutation(REMOVE_COUNTER_MUTATION, { refetchQueries: [COUNTERS_QUERY] });
  const origin = window.location.origin;

  if (!counters.length) return <p className="counter-list__empty">{t('list.empty')}</p>;
  return (
    <ul className="counter-list">
      {counters.map((c) => (
        <li key={c.slug} className="counter-list__item">
          <div className="counter-list__head">
            <h3>{c.title}</h3>
            <StatusBadge label={c.paused ? t('list.paused') : t('list.live')} kind={c.paused ? 'outline' : 'solid'} />
          </div>
          <p className="counter-list__scope">
            {formatYear(c.year)} · {[c.region && regionName(c.region), c.country].filter(Boolean).join(' · ') || t('list.scopeAll')} · {c.shows.map((f) => t(`figure.${f}`)).join(', ')} · {c.language}
          </p>
          <img className="counter-list__badge" src={`/c/${c.slug}.svg`} alt={t('list.badge', { title: c.title })} height={24} />
          <p className="counter-list__label">{t('list.embed')}</p>
          <pre className="counter-list__code">{embedCode(origin, c.slug)}</pre>
          <div className="counter-list__actions">
            <CopyButton text={embedCode(origin, c.slug)} what={t('list.embedWhat', { title: c.title })} />
            <a href={`/c/${c.slug}`} target="_blank" rel="noreferrer">
              /c/{c.slug}
            </a>
            <a href={`/c/${c.slug}.json`}>JSON</a>
            <a href={`/c/${c.slug}.svg`}>SVG</a>
            <button type="button" className="button button--small button--secondary" onClick={() => void setPaused({ variables: { slug: c.slug, paused: !c.paused } })}>
              {c.paused ? t('list.resume') : t('list.pause')}
            </button>
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => window.confirm(t('list.confirmRemove', { title: c.title })) && void remove({ variables: { slug: c.slug } })}
            >
              {t('list.remove')}
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
