import { useMessages } from '../i18n/use-messages';
import { snapshotsMessages } from '../pages/snapshots.messages';

interface SnapshotStatusBadgeProps {
  status: string;
}

/** PROVISIONAL or FINAL, in words (the two also differ in fill, never in colour alone). */
export function SnapshotStatusBadge({ status }: SnapshotStatusBadgeProps) {
  const { t } = useMessages('snapshots', snapshotsMessages);
  const final = status === 'FINAL';
  const label = final ? t('status.FINAL') : status === 'PROVISIONAL' ? t('status.PROVISIONAL') : status;
  return <span className={`badge ${final ? 'badge--final' : 'badge--provisional'}`}>{label}</span>;
}
