import { PALETTE } from '../../charts/palette';
import { ChartCard } from '../../components/ChartCard';
import type { Column } from '../../components/DataTable';
import { formatCount, formatPercent } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import { casesMessages } from './messages';
import { HorizontalBars } from './HorizontalBars';
import { formatMonths } from './months';
import type { OutcomeSummary, OutcomeYear } from './queries';

/** Share of each campaign's featured cases with good news on or after writing started. */
export function OutcomeRateCard({ summary }: { summary: OutcomeSummary }) {
  const { t, language } = useMessages('cases', casesMessages);
  const months = (value: number) => formatMonths(value, language);
  const figures = {
    positive: formatCount(summary.casesWithPositiveOutcome),
    featured: formatCount(summary.casesFeatured),
    share: formatPercent(summary.share),
  };
  const text =
    summary.medianMonthsToFirstPositive === null
      ? t('rate.summaryNoMedian', figures)
      : t('rate.summary', { ...figures, months: months(summary.medianMonthsToFirstPositive) });
  const columns: Column<OutcomeYear>[] = [
    { label: t('column.campaign'), value: (row) => row.year },
    { label: t('rate.featured'), value: (row) => row.casesFeatured, render: (row) => formatCount(row.casesFeatured), numeric: true },
    {
      label: t('rate.positive'),
      value: (row) => row.casesWithPositiveOutcome,
      render: (row) => formatCount(row.casesWithPositiveOutcome),
      numeric: true,
    },
    { label: t('rate.share'), value: (row) => row.share, render: (row) => formatPercent(row.share), numeric: true },
    {
      label: t('rate.median'),
      value: (row) => row.medianMonthsToFirstPositive,
      render: (row) => (row.medianMonthsToFirstPositive === null ? t('notApplicable') : months(row.medianMonthsToFirstPositive)),
      numeric: true,
    },
  ];

  return (
    <ChartCard
      title={t('rate.title')}
      summary={`${text} ${t('rate.note')}`}
      table={{ columns, rows: summary.byYear, rowKey: (row) => String(row.year) }}
    >
      <HorizontalBars
        rows={summary.byYear}
        category="year"
        value="share"
        format={formatPercent}
        colour={PALETTE[0]}
        categoryWidth={44}
        ticks={[0, 0.25, 0.5, 0.75, 1]}
        ariaLabel={`${t('rate.chart')} ${text}`}
      />
    </ChartCard>
  );
}
