import { lazy } from 'react';
import { ChartCard } from '../../components/ChartCard';
import type { Column } from '../../components/DataTable';
import { formatCount, formatDate } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import { ChartWhenVisible } from '../../charts/ChartWhenVisible';
import type { OverviewImpact } from './queries';
import { overviewMessages } from './messages';

// recharts is a chunk of its own, downloaded when first drawn (see charts/lazy-cumulative-chart.ts).
const DailyChart = lazy(() => import('./DailyChart').then((module) => ({ default: module.DailyChart })));

type Day = OverviewImpact['daily'][number];

/** Actions reported each day (impact.daily), with the running total in its table. */
export function DailyCard({ days }: { days: readonly Day[] }) {
  const { t } = useMessages('overview', overviewMessages);
  const busiest = days.reduce<Day | null>((best, day) => (!best || day.actions > best.actions ? day : best), null);
  const summary = busiest ? t('daily.summary', { date: formatDate(busiest.date), actions: formatCount(busiest.actions) }) : '';
  const columns: Column<Day>[] = [
    { label: t('column.date'), value: (day) => day.date, render: (day) => formatDate(day.date) },
    { label: t('column.actions'), value: (day) => day.actions, render: (day) => formatCount(day.actions), numeric: true },
    { label: t('column.cumulative'), value: (day) => day.cumulative, render: (day) => formatCount(day.cumulative), numeric: true },
  ];
  return (
    <ChartCard title={t('daily.title')} summary={summary} table={{ columns, rows: days, rowKey: (day) => day.date }}>
      <ChartWhenVisible size="overview-daily">
        <DailyChart days={days} ariaLabel={t('daily.aria', { summary })} valueLabel={t('column.actions')} />
      </ChartWhenVisible>
    </ChartCard>
  );
}
