import { useQuery } from '@apollo/client/react';
import { QueryError } from '../../components/QueryError';
import { EmptyState } from '../../components/StatusMessage';
import type { ImpactFilter } from '../../gql/graphql';
import type { CampaignSummary } from '../../graphql/operations';
import { useMessages } from '../../i18n/use-messages';
import { placeCases } from './actions-vs-outcomes';
import { ActionsVsOutcomesCard } from './ActionsVsOutcomesCard';
import { casesMessages } from './messages';
import { OutcomeRateCard } from './OutcomeRateCard';
import { CASES_ACROSS_YEARS_QUERY } from './queries';
import { ChartCardSkeleton } from '../../charts/ChartSkeleton';

interface AcrossYearsProps {
  campaigns: readonly CampaignSummary[];
  /** The page's filter without year, case and dates: every campaign, the same writers. */
  filter: ImpactFilter;
}

/** Outcome rate per campaign, and actions against outcomes for every case of every year. */
export function AcrossYears({ campaigns, filter }: AcrossYearsProps) {
  const { t } = useMessages('cases', casesMessages);
  const result = useQuery(CASES_ACROSS_YEARS_QUERY, { variables: { filter } });
  const data = result.data ?? result.previousData;

  let body;
  if (result.error && !data) {
    body = (
      <QueryError title={t('error.acrossYears')} result={result} />
    );
  } else if (!data) {
    body = (
      <div className="page-grid" aria-busy="true">
        <ChartCardSkeleton />
        <ChartCardSkeleton />
      </div>
    );
  } else if (data.outcomeSummary.casesFeatured === 0) {
    body = (
      <EmptyState title={t('empty.noCases')}>
        <p>{t('empty.noCampaignDetail')}</p>
      </EmptyState>
    );
  } else {
    const starts = new Map(campaigns.map((c) => [c.year, c.writingStarts]));
    const points = placeCases(
      data.impact.byCase.map((row) => ({
        id: row.case.id,
        year: row.case.year,
        name: row.case.name,
        actions: row.actions,
        firstPositive: row.case.firstPositiveOutcome?.date ?? null,
      })),
      starts,
      new Date().toISOString().slice(0, 10),
    );
    body = (
      <div className="page-grid">
        <OutcomeRateCard summary={data.outcomeSummary} />
        <ActionsVsOutcomesCard points={points} />
      </div>
    );
  }

  return (
    <section className="cases-across" aria-labelledby="cases-across-heading">
      <h2 id="cases-across-heading" className="cases-across__heading">
        {t('across.heading')}
      </h2>
      {body}
    </section>
  );
}
