import { useMemo } from 'react';
import { ChartWhenVisible } from '../../charts/ChartWhenVisible';
import { buildCumulativeRows, maxRowValue, valueAxisTicks, type CumulativeRow, type CumulativeSeries } from '../../charts/cumulative-series';
import { CumulativeChart } from '../../charts/lazy-cumulative-chart';
import { ChartCard } from '../../components/ChartCard';
import type { Column } from '../../components/DataTable';
import { formatCount, formatList, formatYear } from '../../format';
import type { Alignment } from '../../gql/graphql';
import { useMessages } from '../../i18n/use-messages';
import { addDays } from '../../dates';
import { trendsMessages } from './messages';

/** A year's curve with the date of each day (the table under the chart shows dates). */
interface DatedSeries extends CumulativeSeries {
  points: readonly { day: number; date: string; cumulative: number }[];
}

interface TrendsChartCardProps {
  series: readonly DatedSeries[];
  baseYear: number;
  /** The base campaign still runs: its line stops at today. */
  running: boolean;
  align: Alignment;
  summary: string;
  /** The same-day table's day, marked on the chart. */
  day: number | null;
  /** A day in words: "Day 12", or "12 Dec" in calendar view. */
  dayName: (day: number) => string;
}

/** The chosen years' cumulative curves on one chart, the base year solid and on top. */
export function TrendsChartCard({ series, baseYear, running, align, summary, day, dayName }: TrendsChartCardProps) {
  const { t } = useMessages('trends', trendsMessages);
  const { rows, years, ticks } = useMemo(() => {
    const ordered = [...series].sort((a, b) => (a.year === baseYear ? -1 : b.year === baseYear ? 1 : b.year - a.year));
    const drawn = ordered.filter((s) => s.points.length > 0).map((s) => s.year);
    const rows = buildCumulativeRows(ordered, { runningYear: running ? baseYear : null });
    return { rows, years: drawn, ticks: valueAxisTicks(maxRowValue(rows, drawn)) };
  }, [series, baseYear, running]);

  const calendar = align === 'CALENDAR_DATE';
  const columns: Column<CumulativeRow>[] = [
    { label: t('column.day'), value: (row) => row.day },
    ...(calendar
      ? [{ label: t('column.date', { year: baseYear }), value: (row: CumulativeRow) => addDays(`${baseYear}-12-01`, row.day), render: (row: CumulativeRow) => dayName(row.day) }]
      : []),
    ...years.map((year) => ({
      label: formatYear(year),
      value: (row: CumulativeRow) => row[year] ?? '',
      render: (row: CumulativeRow) => (row[year] == null ? '–' : formatCount(row[year])),
      numeric: true,
    })),
  ];

  return (
    <ChartCard title={t('chart.title')} summary={summary} table={{ columns, rows, rowKey: (row) => String(row.day) }}>
      <ChartWhenVisible>
        <CumulativeChart
          rows={rows}
          years={years}
          valueTicks={ticks}
          ariaLabel={t('chart.aria', { years: formatList(years.map(formatYear)), summary })}
          xAxisLabel={calendar ? t('chart.xCalendar') : t('chart.xCampaign')}
          dayLabel={dayName}
          marker={day === null ? null : { day, label: dayName(day) }}
        />
      </ChartWhenVisible>
    </ChartCard>
  );
}
