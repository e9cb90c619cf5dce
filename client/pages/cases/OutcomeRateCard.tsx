import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import { CHART_INK, PALETTE } from '../../charts/palette';
import { ChartCard } from '../../components/ChartCard';
import type { Column } from '../../components/DataTable';
import { formatCount, formatPercent } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import { casesMessages } from './cases.messages';
import type { OutcomeSummary, OutcomeYear } from './queries';

const formatMonths = (months: number) => months.toFixed(1);

/** Share of each campaign's featured cases with good news on or after writing started. */
export function OutcomeRateCard({ summary }: { summary: OutcomeSummary }) {
  const { t } = useMessages('cases', casesMessages);
  const figures = {
    positive: formatCount(summary.casesWithPositiveOutcome),
    featured: formatCount(summary.casesFeatured),
    share: formatPercent(summary.share),
  };
  const text =
    summary.medianMonthsToFirstPositive === null
      ? t('rate.summaryNoMedian', figures)
      : t('rate.summary', { ...figures, months: formatMonths(summary.medianMonthsToFirstPositive) });
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
      render: (row) => (row.medianMonthsToFirstPositive === null ? t('notApplicable') : formatMonths(row.medianMonthsToFirstPositive)),
      numeric: true,
    },
  ];

  return (
    <ChartCard
      title={t('rate.title')}
      summary={`${text} ${t('rate.note')}`}
      table={{ columns, rows: summary.byYear, rowKey: (row) => String(row.year) }}
    >
      <div className="chart" role="img" aria-label={`${t('rate.chart')} ${text}`}>
        <BarChart
          data={summary.byYear}
          responsive
          style={{ width: '100%', height: '100%' }}
          margin={{ top: 24, right: 8, bottom: 8, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={CHART_INK.grid} vertical={false} />
          <XAxis dataKey="year" tick={{ fill: CHART_INK.text, fontSize: 12 }} tickLine={false} stroke={CHART_INK.axis} />
          <YAxis
            domain={[0, 1]}
            ticks={[0, 0.25, 0.5, 0.75, 1]}
            tickFormatter={formatPercent}
            tick={{ fill: CHART_INK.text, fontSize: 12 }}
            tickLine={false}
            axisLine={false}
            width={48}
          />
          <Bar dataKey="share" name={t('rate.share')} fill={PALETTE[0]} isAnimationActive={false}>
            {/* The figure on each bar: readable without the axis or colour. */}
            <LabelList
              dataKey="share"
              position="top"
              formatter={(value) => (typeof value === 'number' ? formatPercent(value) : '')}
              fill={CHART_INK.text}
              fontSize={11}
            />
          </Bar>
        </BarChart>
      </div>
    </ChartCard>
  );
}
