import { useId } from 'react';
import { formatDate } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import { buildTimeline, type CampaignDates, type TimelineOutcome } from './outcome-timeline';
import { casesMessages } from './messages';
import { OutcomeBadge } from '../../components/OutcomeBadge';

interface OutcomeTimelineProps {
  name: string;
  outcomes: readonly TimelineOutcome[];
  campaign: CampaignDates;
}

/**
 * A case's outcomes in date order among its campaign's dates. An ordered list is its own text
 * alternative: each entry says its date, what happened and whether it counts as a result.
 */
export function OutcomeTimeline({ name, outcomes, campaign }: OutcomeTimelineProps) {
  const { t } = useMessages('cases', casesMessages);
  const headingId = useId();
  const entries = buildTimeline(outcomes, campaign);
  const results = entries.filter((e) => e.type === 'outcome' && e.role === 'result').length;

  return (
    <section className="card timeline" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('timeline.title', { name })}</h2>
      <p className="timeline__summary">
        {outcomes.length === 0 ? t('timeline.none') : t('timeline.summary', { count: outcomes.length, results })}
      </p>
      <ol className="timeline__list">
        {entries.map((entry) =>
          entry.type === 'marker' ? (
            <li key={entry.key} className="timeline__entry timeline__entry--marker">
              <time dateTime={entry.date}>{formatDate(entry.date)}</time>
              <span className="timeline__what">
                <span className="visually-hidden">{t('timeline.campaignDate')}: </span>
                {t(`timeline.${entry.marker}`)}
              </span>
            </li>
          ) : (
            <li key={entry.key} className={`timeline__entry timeline__entry--${entry.role}`}>
              <time dateTime={entry.date}>{formatDate(entry.date)}</time>
              <span className="timeline__what">
                <span className={`timeline__role timeline__role--${entry.role}`}>
                  {t(entry.role === 'context' ? 'timeline.context' : 'timeline.result')}
                </span>
                <OutcomeBadge outcome={entry.outcome} />
                {entry.role === 'context' ? <span className="timeline__hint">({t('timeline.contextHint')})</span> : null}
                {entry.outcome.note ? <span className="timeline__note">{entry.outcome.note}</span> : null}
              </span>
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
