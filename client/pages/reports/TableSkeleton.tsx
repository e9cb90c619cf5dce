/** Placeholder lines while a table loads, with the same words for screen readers. */
export function TableSkeleton({ label }: { label: string }) {
  return (
    <div className="reports-skeleton">
      <p className="visually-hidden" role="status">
        {label}
      </p>
      <div className="skeleton skeleton--line" aria-hidden="true" />
      <div className="skeleton skeleton--line" aria-hidden="true" />
      <div className="skeleton skeleton--line" aria-hidden="true" />
    </div>
  );
}
