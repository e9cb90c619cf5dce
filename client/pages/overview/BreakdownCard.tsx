import type { ReactNode } from 'react';
import { ChartCard } from '../../components/ChartCard';
import type { Column } from '../../components/DataTable';
import { formatCount, formatPercent } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import { BarList } from './BarList';
import { overviewMessages } from './messages';

export interface BreakdownRow {
  key: string;
  label: string;
  actions: number;
  reports: number;
  /** Beside the label in the chart (outcome badges). */
  extra?: ReactNode;
}

interface BreakdownCardProps {
  title: string;
  /** The first column's heading: what a row is ("Region"). */
  keyLabel: string;
  rows: readonly BreakdownRow[];
  /** More columns for the table (a case's outcomes in words). */
  extraColumns?: readonly Column<BreakdownRow>[];
}

/** One breakdown of the actions (by type, case, region) as bars, with its table and summary. */
export function BreakdownCard({ title, keyLabel, rows, extraColumns = [] }: BreakdownCardProps) {
  const { t } = useMessages('overview', overviewMessages);
  const total = rows.reduce((sum, row) => sum + row.actions, 0);
  const share = (row: BreakdownRow) => (total > 0 ? row.actions / total : 0);
  const top = rows[0];
  const summary = top
    ? t('bars.summary', { top: top.label, actions: formatCount(top.actions), share: formatPercent(share(top)) })
    : t('emptyFilteredTitle');
  const columns: Column<BreakdownRow>[] = [
    { label: keyLabel, value: (row) => row.label },
    ...extraColumns,
    { label: t('column.actions'), value: (row) => row.actions, render: (row) => formatCount(row.actions), numeric: true },
    { label: t('column.reports'), value: (row) => row.reports, render: (row) => formatCount(row.reports), numeric: true },
    {
      label: t('column.share'),
      value: (row) => Number(share(row).toFixed(4)),
      render: (row) => formatPercent(share(row)),
      numeric: true,
    },
  ];
  return (
    <ChartCard title={title} summary={summary} table={{ columns, rows, rowKey: (row) => row.key }}>
      <BarList bars={rows} ariaLabel={t('bars.aria', { summary })} />
    </ChartCard>
  );
}
