import type { CSSProperties } from 'react';
import { formatCount, formatDate } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import type { CampaignSummary } from '../../graphql/operations';
import { overviewMessages } from './messages';
import { formatSignedPercent } from '../../format';

export interface Counts {
  totalActions: number;
  reportCount: number;
  groupCount: number;
  countryCount: number;
}

/** How much larger each counter is than the previous campaign's by the same day (server's), null where it had none. */
export type Changes = { [key in keyof Counts]: number | null };

/** What the counters are compared with: the previous campaign by the same day, or why not. */
export type Comparison =
  | { status: 'ready'; year: number; day: number; date: string; counts: Counts; changes: Changes | null }
  /** Asked for: what it is compared with is known, its figures are on their way. */
  | { status: 'pending'; year: number; day: number; date: string }
  | { status: 'loading' | 'failed' | 'case' | 'noPrevious' };

interface HeadlineProps {
  campaign: CampaignSummary;
  counts: Counts;
  comparison: Comparison;
}

const COUNTERS = [
  { key: 'totalActions', label: 'counter.actions' },
  { key: 'reportCount', label: 'counter.reports' },
  { key: 'groupCount', label: 'counter.groups' },
  { key: 'countryCount', label: 'counter.countries' },
] as const;

/** The campaign's name and dates, and its four counters, each against the same day last year. */
export function Headline({ campaign, counts, comparison }: HeadlineProps) {
  const { t } = useMessages('overview', overviewMessages);
  const note =
    comparison.status === 'ready' || comparison.status === 'pending'
      ? t('sameDay.caption', { year: comparison.year, day: comparison.day, date: formatDate(comparison.date) })
      : t(`sameDay.${comparison.status}`);
  return (
    <section className="headline" aria-labelledby="headline-title">
      <h1 id="headline-title">{campaign.name}</h1>
      <p className="headline__dates">
        {t('dates', {
          start: formatDate(campaign.writingStarts),
          end: formatDate(campaign.writingEnds),
          deadline: formatDate(campaign.reportingDeadline),
        })}
      </p>
      <dl className="overview-counters" aria-label={t('counters.label')}>
        {COUNTERS.map(({ key, label }) => {
          const figure = formatCount(counts[key]);
          return (
            <div className="overview-counter" key={key}>
              <dt>{t(label)}</dt>
              {/* its length sizes it down where the column is narrow (overview.css) */}
              <dd className="overview-counter__value" data-counter={key} style={{ '--chars': figure.length } as CSSProperties}>
                {figure}
              </dd>
              {comparison.status === 'ready' ? (
                <dd className="overview-counter__before">
                  <ChangeText change={comparison.changes?.[key] ?? null} before={comparison.counts[key]} year={comparison.year} />
                </dd>
              ) : comparison.status === 'pending' ? (
                // The same words with stand-in figures, unseen: the counters keep their height when the real ones arrive.
                <dd className="overview-counter__before overview-counter__before--pending" aria-hidden="true">
                  <ChangeText change={0.5} before={Math.round(counts[key] / 1.5)} year={comparison.year} />
                </dd>
              ) : null}
            </div>
          );
        })}
      </dl>
      <p className="overview-counters__note" role={comparison.status === 'loading' || comparison.status === 'pending' ? 'status' : undefined}>
        {note}
      </p>
    </section>
  );
}

/** "+8 % vs 2024 · Same day 2024: 26,877"; the change only when there was something to change from. */
function ChangeText({ change, before, year }: { change: number | null; before: number; year: number }) {
  const { t } = useMessages('overview', overviewMessages);
  return (
    <>
      {change === null ? null : (
        <>
          <span className="overview-counter__change">{t('sameDay.change', { change: formatSignedPercent(change), year })}</span>{' '}
        </>
      )}
      <span className="overview-counter__previous">{t('sameDay.value', { year, value: formatCount(before) })}</span>
    </>
  );
}
