import { skipToken, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { LoadingState } from '../../components/LoadingState';
import { NoCampaignState } from '../../components/NoCampaignState';
import { QueryError } from '../../components/QueryError';
import { EmptyState } from '../../components/StatusMessage';
import { toImpactFilter } from '../../filters/filter-params';
import { useCampaign, useFilters } from '../../filters/use-filters';
import { useMessages } from '../../i18n/use-messages';
import { useDocumentTitle } from '../../use-document-title';
import { AcrossYears } from './AcrossYears';
import { buildCaseRows } from './case-rows';
import { CaseDetail } from './CaseDetail';
import { CaseList } from './CaseList';
import { casesMessages } from './messages';
import { CASES_CAMPAIGN_QUERY } from './queries';
import './cases.css';
import { ChartCardSkeleton } from '../../charts/ChartSkeleton';
import { PageIntro } from '../../components/PageIntro';

/**
 * Cases and outcomes: the chosen campaign's cases (figures under the filters), one case in detail
 * (the shared `case` filter, so other pages follow), and outcome rates across every campaign.
 */
export function CasesPage() {
  const { t } = useMessages('cases', casesMessages);
  const { campaigns, campaign, filters, result: campaignsResult } = useCampaign();
  const { setFilters } = useFilters();
  // Focus moves to the case only when the reader picked it here, not on a reload or a link.
  const [picked, setPicked] = useState(false);
  const year = campaign?.year ?? null;

  const cases = useQuery(
    CASES_CAMPAIGN_QUERY,
    year === null ? skipToken : { variables: { year, filter: toImpactFilter(filters, year, ['caseId']) } },
  );
  // Keep the figures on screen while other filters load, but never another year's cases.
  const data = cases.data ?? (cases.previousData?.campaign?.year === year ? cases.previousData : undefined);

  useDocumentTitle([t('title')]);

  if (!campaignsResult.data && !campaignsResult.error) return <CasesSkeleton />;
  if (!campaign || year === null) {
    return (
      <>
        <h1>{t('title')}</h1>
        <NoCampaignState result={campaignsResult} detail={t('empty.noCampaignDetail')} />
      </>
    );
  }

  const header = (
    <PageIntro title={t('title')} intro={t('intro', { campaign: campaign.name })} />
  );
  const acrossYears = (
    <AcrossYears campaigns={campaigns} filter={{ ...toImpactFilter(filters, year, ['caseId', 'from', 'to']), year: null }} />
  );

  if (cases.error && !data) {
    return (
      <>
        {header}
        <QueryError title={t('error.cases', { year })} result={cases} />
        {acrossYears}
      </>
    );
  }
  if (!data?.campaign) return <CasesSkeleton />;

  const dates = data.campaign;
  const rows = buildCaseRows(
    dates.cases,
    data.impact.byCase.map((row) => ({ caseId: row.case.id, actions: row.actions, reports: row.reports })),
    dates.writingStarts,
  );
  const selected = dates.cases.find((c) => c.id === filters.caseId) ?? null;

  return (
    <>
      {header}
      {rows.length === 0 ? (
        <EmptyState title={t('list.heading', { year })}>
          <p>{t('empty.noCases')}</p>
        </EmptyState>
      ) : (
        <CaseList
          year={year}
          rows={rows}
          selectedId={selected?.id ?? null}
          onSelect={(caseId) => {
            setPicked(true);
            setFilters({ caseId });
          }}
        />
      )}
      {selected ? (
        <CaseDetail
          item={selected}
          filter={toImpactFilter(filters, year)}
          campaign={dates}
          focus={picked}
          onClose={() => setFilters({ caseId: null })}
        />
      ) : filters.caseId ? (
        <div className="status" role="status">
          <p className="status__detail">{t('detail.notInCampaign', { year })}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => setFilters({ caseId: null })}>
            {t('detail.clear')}
          </button>
        </div>
      ) : rows.length > 0 ? (
        <p className="cases-prompt">{t('detail.prompt')}</p>
      ) : null}
      {acrossYears}
    </>
  );
}

function CasesSkeleton() {
  const { t } = useMessages('cases', casesMessages);
  return (
    <LoadingState label={t('loading')} heading={<h1>{t('title')}</h1>} className="page-skeleton">
      <div className="card" aria-hidden="true">
        <div className="skeleton skeleton--line" />
        <div className="skeleton skeleton--table" />
      </div>
      <ChartCardSkeleton />
    </LoadingState>
  );
}
