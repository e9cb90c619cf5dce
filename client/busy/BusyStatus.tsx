import { useSyncExternalStore } from 'react';
import { commonMessages } from '../i18n/common.messages';
import { useMessages } from '../i18n/use-messages';
import type { BusyState } from './busy-link';
import './busy.css';

/**
 * "Busy, retrying…" in the header while a request refused as busy (503) waits to be sent again:
 * the page keeps what it shows instead of an error. Always present as a polite status region, so a
 * screen reader hears it when the words appear.
 */
export function BusyStatus({ busy }: { busy: BusyState }) {
  const { t } = useMessages('common', commonMessages);
  const isBusy = useSyncExternalStore(busy.subscribe, busy.isBusy, () => false);
  return (
    <p role="status" className="busy-status" data-busy={isBusy || undefined}>
      {isBusy ? t('busy.retrying') : null}
    </p>
  );
}
