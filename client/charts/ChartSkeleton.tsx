/** The place of a chart while its code or data arrive. */
export function ChartSkeleton() {
  return <div className="chart skeleton skeleton--chart" aria-hidden="true" />;
}
