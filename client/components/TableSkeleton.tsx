import { LoadingState } from './LoadingState';

/** Grey lines where a table is coming. */
export function TableSkeleton({ label, lines = 3 }: { label: string; lines?: number }) {
  return (
    <LoadingState label={label} className="table-skeleton">
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton skeleton--line" aria-hidden="true" />
      ))}
    </LoadingState>
  );
}
