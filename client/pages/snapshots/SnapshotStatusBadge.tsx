import { useMessages } from '../../i18n/use-messages';
import { snapshotsMessages } from './messages';
import { StatusBadge } from '../../components/StatusBadge';

interface SnapshotStatusBadgeProps {
  status: string;
}

/** PROVISIONAL (dashed) or FINAL (solid), in words. */
export function SnapshotStatusBadge({ status }: SnapshotStatusBadgeProps) {
  const { t } = useMessages('snapshots', snapshotsMessages);
  const final = status === 'FINAL';
  const label = final ? t('status.FINAL') : status === 'PROVISIONAL' ? t('status.PROVISIONAL') : status;
  return <StatusBadge label={label} kind={final ? 'solid' : 'dashed'} />;
}
