import { useEffect, useRef } from 'react';
import { countryName } from '../../format';
import type { ImpactFilter } from '../../gql/graphql';
import { useMessages } from '../../i18n/use-messages';
import { CaseActionsCard } from './CaseActionsCard';
import { casesMessages } from './messages';
import { OutcomeTimeline } from './OutcomeTimeline';
import type { CampaignDates } from './outcome-timeline';
import type { CampaignCase } from './queries';

interface CaseDetailProps {
  item: CampaignCase;
  filter: ImpactFilter;
  campaign: CampaignDates;
  /** Move the focus here when it opens (the reader just picked the case in the list). */
  focus: boolean;
  onClose: () => void;
}

/** One case: who and where, its actions over time by type, and its outcome timeline. */
export function CaseDetail({ item, filter, campaign, focus, onClose }: CaseDetailProps) {
  const { t } = useMessages('cases', casesMessages);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus, item.id]);

  return (
    <>
      <section className="card case-detail" aria-labelledby={`case-${item.id}`}>
        <div className="case-detail__head">
          <h2 id={`case-${item.id}`} ref={heading} tabIndex={-1}>
            {item.name}
          </h2>
          <button type="button" className="button button--secondary button--small no-print" onClick={onClose}>
            {t('detail.clear')}
          </button>
        </div>
        <dl className="case-detail__facts">
          <div>
            <dt>{t('detail.country')}</dt>
            <dd>{countryName(item.country)}</dd>
          </div>
          <div>
            <dt>{t('detail.theme')}</dt>
            <dd>{t(`theme.${item.theme}`)}</dd>
          </div>
          {item.target ? (
            <div>
              <dt>{t('detail.target')}</dt>
              <dd>{item.target}</dd>
            </div>
          ) : null}
        </dl>
        {item.summary ? <p className="case-detail__summary">{item.summary}</p> : null}
      </section>
      <CaseActionsCard name={item.name} filter={filter} campaign={campaign} />
      <OutcomeTimeline name={item.name} outcomes={item.outcomes} campaign={campaign} />
    </>
  );
}
