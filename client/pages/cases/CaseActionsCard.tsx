import { useQuery } from '@apollo/client/react';
import { ChartCard } from '../../components/ChartCard';
import type { Column } from '../../components/DataTable';
import { LoadingState } from '../../components/LoadingState';
import { QueryError } from '../../components/QueryError';
import { EmptyState } from '../../components/StatusMessage';
import type { ActionType, ImpactFilter } from '../../gql/graphql';
import { commonMessages } from '../../i18n/common.messages';
import { useMessages } from '../../i18n/use-messages';
import { formatCount, formatDate, formatPercent, formatShortDate } from '../../format';
import { ActionsByTypeChart } from './ActionsByTypeChart';
import { mergeDailyByType, perTypeFilters, type DailyTypeRow } from './daily-by-type';
import { casesMessages } from './messages';
import { CASE_ACTIONS_BY_TYPE_QUERY } from './queries';
import type { CampaignDates } from './outcome-timeline';
import { ChartSkeleton } from '../../charts/ChartSkeleton';

interface CaseActionsCardProps {
  name: string;
  /** The page's filter with this case in it. */
  filter: ImpactFilter;
  campaign: CampaignDates;
}

/** A case's daily actions stacked by action type, with its summary and table. */
export function CaseActionsCard({ name, filter, campaign }: CaseActionsCardProps) {
  const { t } = useMessages('cases', casesMessages);
  const common = useMessages('common', commonMessages);
  const perType = perTypeFilters(filter);
  const result = useQuery(CASE_ACTIONS_BY_TYPE_QUERY, {
    variables: {
      letter: perType.LETTER,
      solidarity: perType.SOLIDARITY,
      email: perType.EMAIL,
      petition: perType.PETITION,
      sms: perType.SMS,
      social: perType.SOCIAL,
      fax: perType.FAX,
      other: perType.OTHER,
    },
  });
  // The previous case's bars stay while the next one loads: no flash of an empty card.
  const data = result.data ?? result.previousData;
  const title = t('byType.title', { name });

  if (result.error && !data) {
    return (
      <QueryError title={t('error.caseActions')} result={result} />
    );
  }
  if (!data) {
    return (
      <LoadingState label={common.t('state.loading')} className="card">
        <div className="skeleton skeleton--line" aria-hidden="true" />
        <ChartSkeleton />
      </LoadingState>
    );
  }

  const merged = mergeDailyByType({
    LETTER: data.LETTER.daily,
    SOLIDARITY: data.SOLIDARITY.daily,
    EMAIL: data.EMAIL.daily,
    PETITION: data.PETITION.daily,
    SMS: data.SMS.daily,
    SOCIAL: data.SOCIAL.daily,
    FAX: data.FAX.daily,
    OTHER: data.OTHER.daily,
  });
  if (merged.rows.length === 0) {
    return (
      <EmptyState title={title}>
        <p>{t('byType.empty')}</p>
      </EmptyState>
    );
  }

  const typeLabel = (type: ActionType) => common.t(`actionType.${type}`);
  const total = merged.types.reduce((sum, type) => sum + merged.totals[type], 0);
  const topType = merged.types.reduce((best, type) => (merged.totals[type] > merged.totals[best] ? type : best));
  const peak = merged.rows.reduce((best, row) => (row.total > best.total ? row : best));
  const summary = t('byType.summary', {
    total: formatCount(total),
    first: formatDate(merged.rows[0].date),
    last: formatDate(merged.rows.at(-1)!.date),
    peakDay: formatDate(peak.date),
    peak: formatCount(peak.total),
    topType: typeLabel(topType).toLocaleLowerCase(),
    topShare: formatPercent(merged.totals[topType] / total),
  });
  const columns: Column<DailyTypeRow>[] = [
    { label: t('column.date'), value: (row) => row.date, render: (row) => formatShortDate(row.date) },
    ...merged.types.map(
      (type): Column<DailyTypeRow> => ({
        label: typeLabel(type),
        value: (row) => row.byType[type],
        render: (row) => formatCount(row.byType[type]),
        numeric: true,
      }),
    ),
    { label: t('column.total'), value: (row) => row.total, render: (row) => formatCount(row.total), numeric: true },
  ];

  return (
    <ChartCard title={title} summary={summary} table={{ columns, rows: merged.rows, rowKey: (row) => row.date }}>
      <ActionsByTypeChart
        rows={merged.rows}
        types={merged.types}
        typeLabel={typeLabel}
        period={{
          from: campaign.writingStarts,
          to: campaign.writingEnds,
          label: t('byType.period', { from: formatShortDate(campaign.writingStarts), to: formatShortDate(campaign.writingEnds) }),
        }}
        ariaLabel={`${t('byType.chart')} ${summary}`}
      />
    </ChartCard>
  );
}
