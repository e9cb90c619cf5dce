interface SnapshotStatusBadgeProps {
  status: string;
}

/** PROVISIONAL or FINAL, in words (the two also differ in fill, never in colour alone). */
export function SnapshotStatusBadge({ status }: SnapshotStatusBadgeProps) {
  const final = status === 'FINAL';
  return <span className={`badge ${final ? 'badge--final' : 'badge--provisional'}`}>{final ? 'Final' : status === 'PROVISIONAL' ? 'Provisional' : status}</span>;
}
