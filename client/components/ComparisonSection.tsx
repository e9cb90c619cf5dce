import { lazy, Suspense, useMemo } from 'react';
import {
  buildCumulativeRows,
  maxRowValue,
  summarizeComparison,
  valueAxisTicks,
  type CumulativeSeries,
} from '../charts/cumulative-series';
import { ChartDataTable } from './ChartDataTable';
import { EmptyState } from './StatusMessage';

// recharts is about 100 KB gzipped, so the chart is its own chunk. Its download starts as soon as
// this module runs, alongside the GraphQL queries, rather than after the data arrives.
const chartModule = import('../charts/CumulativeChart');
const CumulativeChart = lazy(() => chartModule.then((module) => ({ default: module.CumulativeChart })));

interface ComparisonSectionProps {
  year: number;
  goal: number | null;
  /** Past its reporting deadline: its line runs to the end instead of stopping at the last report. */
  finished: boolean;
  /** The year's series and the previous year's; undefined while loading. */
  series: readonly CumulativeSeries[] | undefined;
}

/** Cumulative actions by campaign day, this year against the previous one: chart, sentence, table. */
export function ComparisonSection({ year, goal, finished, series }: ComparisonSectionProps) {
  const { current, years, rows, summary, ticks } = useMemo(() => {
    const current = series?.find((s) => s.year === year) ?? { year, points: [] };
    // A previous year with no reports (or no campaign) is nothing to compare with.
    const previous = series?.find((s) => s.year === year - 1 && s.points.length > 0) ?? null;
    const years = previous ? [previous.year, year] : [year];
    const rows = buildCumulativeRows(current, previous, { currentFinished: finished });
    return {
      current,
      years,
      rows,
      summary: summarizeComparison(current, previous),
      ticks: valueAxisTicks(Math.max(maxRowValue(rows, years), goal ?? 0)),
    };
  }, [series, year, finished, goal]);

  return (
    <section className="card comparison" aria-labelledby="comparison-title" aria-busy={!series}>
      <h2 id="comparison-title">
        Cumulative actions, {years.length > 1 ? `${year} compared with ${year - 1}` : year}
      </h2>
      {!series ? (
        <>
          <p className="skeleton skeleton--line" aria-hidden="true" />
          <ChartSkeleton />
          <p className="visually-hidden" role="status">
            Loading the comparison…
          </p>
        </>
      ) : current.points.length === 0 ? (
        <EmptyState title={`No reports yet for ${year}`}>
          <p>The curve appears here as soon as the first report of the campaign arrives.</p>
        </EmptyState>
      ) : (
        <>
          <p className="comparison__summary" id="comparison-summary">
            {summary}
          </p>
          <Suspense fallback={<ChartSkeleton />}>
            <CumulativeChart
              rows={rows}
              years={years}
              currentYear={year}
              goal={goal}
              valueTicks={ticks}
              summary={summary}
            />
          </Suspense>
          <ChartDataTable rows={rows} years={years} caption={`Cumulative actions by campaign day, ${years.join(' and ')}`} />
        </>
      )}
    </section>
  );
}

function ChartSkeleton() {
  return <div className="chart skeleton skeleton--chart" aria-hidden="true" />;
}
