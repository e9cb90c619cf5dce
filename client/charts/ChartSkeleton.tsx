import type { Ref } from 'react';

interface ChartSkeletonProps {
  /** The chart's own size class ("overview-daily"): the place is as tall as the chart that replaces it. */
  size?: string;
  ref?: Ref<HTMLDivElement>;
}

/** The place of a chart while its code or data arrive. */
export function ChartSkeleton({ size, ref }: ChartSkeletonProps) {
  return <div ref={ref} className={size ? `chart ${size} skeleton` : 'chart skeleton'} aria-hidden="true" />;
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
