/** The place of a chart while its code or data arrive. */
export function ChartSkeleton() {
  return <div className="chart skeleton skeleton--chart" aria-hidden="true" />;
}

/** A chart card while its figures arrive: its title line and the chart's place. */
export function ChartCardSkeleton() {
  return (
    <div className="card" aria-hidden="true">
      <div className="skeleton skeleton--line" />
      <ChartSkeleton />
    </div>
  );
}
