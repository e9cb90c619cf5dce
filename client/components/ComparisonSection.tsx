import { lazy, Suspense, useMemo } from 'react';
import { buildCumulativeRows, summarizeComparison, type CumulativeSeries } from '../charts/cumulative-series';
import { ChartDataTable } from './ChartDataTable';
import { EmptyState } from './StatusMessage';

// recharts is about 100 KB gzipped: it loads as its own chunk, after the headline figures.
const CumulativeChart = lazy(() =>
  import('../charts/CumulativeChart').then((module) => ({ default: module.CumulativeChart })),
);

interface ComparisonSectionProps {
  year: number;
  goal: number | null;
  /** The year's series and the previous year's; undefined while loading. */
  series: readonly CumulativeSeries[] | undefined;
}

/** Cumulative actions by campaign day, this year against the previous one: chart, sentence, table. */
export function ComparisonSection({ year, goal, series }: ComparisonSectionProps) {
  const { current, previous, rows, summary } = useMemo(() => {
    const current = series?.find((s) => s.year === year) ?? { year, points: [] };
    const previous = series?.find((s) => s.year === year - 1) ?? null;
    return {
      current,
      previous,
      rows: buildCumulativeRows(current, previous),
      summary: summarizeComparison(current, previous),
    };
  }, [series, year]);
  const years = previous ? [previous.year, year] : [year];

  return (
    <section className="card comparison" aria-labelledby="comparison-title" aria-busy={!series}>
      <h2 id="comparison-title">
        Cumulative actions, {year} compared with {year - 1}
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
            <CumulativeChart rows={rows} years={years} currentYear={year} goal={goal} summary={summary} />
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
