import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import { CHART_INK, PALETTE } from '../../charts/palette';
import { ChartCard } from '../../components/ChartCard';
import type { Column } from '../../components/DataTable';
import { formatCompact, formatCount, formatDate } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import { groupFigures, type CaseOutcomePoint, type GroupFigures } from './actions-vs-outcomes';
import { casesMessages } from './cases.messages';

interface ActionsVsOutcomesCardProps {
  points: readonly CaseOutcomePoint[];
}

/** Median actions of the cases that saw good news soon, later or not at all: an association only. */
export function ActionsVsOutcomesCard({ points }: ActionsVsOutcomesCardProps) {
  const { t } = useMessages('cases', casesMessages);
  const groups = groupFigures(points);
  const compared = groups.filter((g) => g.group !== 'tooRecent');
  const tooRecent = groups.find((g) => g.group === 'tooRecent')?.cases ?? 0;
  const medianText = (g: GroupFigures | undefined) =>
    g?.medianActions == null ? t('notApplicable') : formatCount(Math.round(g.medianActions));
  const byGroup = (name: GroupFigures['group']) => groups.find((g) => g.group === name);
  const summary = t('versus.summary', {
    within12: medianText(byGroup('within12')),
    later: medianText(byGroup('later')),
    none: medianText(byGroup('none')),
  });
  const note = tooRecent > 0 ? ` ${t('versus.tooRecentNote', { count: tooRecent })}` : '';
  const chartRows = compared.map((g) => ({
    label: `${t(`group.${g.group}`)} (${t('versus.casesCount', { count: g.cases })})`,
    median: g.medianActions ?? 0,
  }));

  const columns: Column<CaseOutcomePoint>[] = [
    { label: t('column.case'), value: (row) => row.name },
    { label: t('column.campaign'), value: (row) => row.year },
    { label: t('column.actions'), value: (row) => row.actions, render: (row) => formatCount(row.actions), numeric: true },
    {
      label: t('versus.firstGoodNews'),
      value: (row) => row.firstPositive ?? '',
      render: (row) => (row.firstPositive ? formatDate(row.firstPositive) : t('notApplicable')),
    },
    {
      label: t('versus.monthsAfter'),
      value: (row) => (row.monthsToOutcome === null ? '' : Number(row.monthsToOutcome.toFixed(1))),
      render: (row) => (row.monthsToOutcome === null ? t('notApplicable') : row.monthsToOutcome.toFixed(1)),
      numeric: true,
    },
    { label: t('versus.group'), value: (row) => t(`group.${row.group}`) },
  ];

  return (
    <ChartCard
      title={t('versus.title')}
      summary={`${summary}${note}`}
      table={{ columns, rows: points, rowKey: (row) => row.id }}
    >
      <div className="chart chart--short" role="img" aria-label={`${t('versus.chart')} ${summary}`}>
        <BarChart
          data={chartRows}
          layout="vertical"
          responsive
          style={{ width: '100%', height: '100%' }}
          margin={{ top: 8, right: 56, bottom: 8, left: 8 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={CHART_INK.grid} horizontal={false} />
          <XAxis
            type="number"
            tickFormatter={formatCompact}
            tick={{ fill: CHART_INK.text, fontSize: 12 }}
            tickLine={false}
            stroke={CHART_INK.axis}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={150}
            tick={{ fill: CHART_INK.text, fontSize: 12 }}
            tickLine={false}
            axisLine={false}
          />
          <Bar dataKey="median" name={t('versus.median')} fill={PALETTE[2]} isAnimationActive={false}>
            <LabelList
              dataKey="median"
              position="right"
              formatter={(value) => (typeof value === 'number' ? formatCount(Math.round(value)) : '')}
              fill={CHART_INK.text}
              fontSize={12}
            />
          </Bar>
        </BarChart>
      </div>
    </ChartCard>
  );
}
