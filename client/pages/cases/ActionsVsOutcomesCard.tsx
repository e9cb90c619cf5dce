import { PALETTE } from '../../charts/palette';
import { ChartCard } from '../../components/ChartCard';
import type { Column } from '../../components/DataTable';
import { formatCount, formatDate } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import { groupFigures, type CaseOutcomePoint, type GroupFigures } from './actions-vs-outcomes';
import { casesMessages } from './messages';
import { HorizontalBars } from './HorizontalBars';
import { formatMonths } from './months';

interface ActionsVsOutcomesCardProps {
  points: readonly CaseOutcomePoint[];
}

/** Median actions of the cases that saw good news soon, later or not at all: an association only. */
export function ActionsVsOutcomesCard({ points }: ActionsVsOutcomesCardProps) {
  const { t, language } = useMessages('cases', casesMessages);
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
      render: (row) => (row.monthsToOutcome === null ? t('notApplicable') : formatMonths(row.monthsToOutcome, language)),
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
      <HorizontalBars
        rows={chartRows}
        category="label"
        value="median"
        format={(value) => formatCount(Math.round(value))}
        colour={PALETTE[2]}
        categoryWidth={150}
        ariaLabel={`${t('versus.chart')} ${summary}`}
        short
      />
    </ChartCard>
  );
}
