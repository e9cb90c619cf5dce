/** Grey lines where a table is coming, with a status for screen readers. */
export function TableSkeleton({ label }: { label: string }) {
  return (
    <div className="groups-skeleton" aria-busy="true">
      <p className="visually-hidden" role="status">
        {label}
      </p>
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="skeleton skeleton--line" aria-hidden="true" />
      ))}
    </div>
  );
}
