import type { ReactNode } from 'react';
import type { CampaignSummary, ImpactTotals } from '../graphql/operations';
import { formatCount, formatDate } from '../format';
import { Counters } from './Counters';
import { GoalProgress } from './GoalProgress';

interface HeadlineProps {
  campaign: CampaignSummary;
  /** Null while loading (skeleton) or after an error (figures left out). */
  impact: ImpactTotals | null;
  loading: boolean;
  /** Controls shown beside the title, such as the campaign picker. */
  actions?: ReactNode;
}

/** The campaign's name and dates, its total actions against the goal, and the small counters. */
export function Headline({ campaign, impact, loading, actions }: HeadlineProps) {
  return (
    <section className="headline" aria-labelledby="headline-title">
      <div className="headline__top">
        <div>
          <h1 id="headline-title">{campaign.name}</h1>
          <p className="headline__dates">
            Writing {formatDate(campaign.writingStarts)} to {formatDate(campaign.writingEnds)} · reports due{' '}
            {formatDate(campaign.reportingDeadline)}
          </p>
        </div>
        {actions}
      </div>
      {impact ? (
        <div className="headline__figures">
          <p className="headline__total">
            <span className="headline__total-value">{formatCount(impact.totalActions)}</span>{' '}
            <span className="headline__total-unit">actions</span>
          </p>
          <GoalProgress total={impact.totalActions} goal={campaign.goal} />
          <Counters {...impact} />
        </div>
      ) : loading ? (
        <div className="headline__figures" aria-hidden="true">
          <div className="skeleton skeleton--total" />
          <div className="skeleton skeleton--line" />
          <div className="skeleton skeleton--bar" />
          <div className="skeleton skeleton--counters" />
        </div>
      ) : null}
    </section>
  );
}
