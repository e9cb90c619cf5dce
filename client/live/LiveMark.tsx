import { formatTime } from '../format';
import { commonMessages } from '../i18n/common.messages';
import { useMessages } from '../i18n/use-messages';
import type { LiveUpdates } from './use-live-updates';
import './live.css';

/**
 * "Live · Updated 14:05:09" in the header. Only the connection's state is a live region (announced
 * politely when it changes); the time is not, or a screen reader would read it out on every report.
 */
export function LiveMark({ phase, updatedAt }: LiveUpdates) {
  const { t } = useMessages('common', commonMessages);
  const state = phase === 'live' ? t('live.live') : phase === 'connecting' ? t('live.connecting') : t('live.offline');
  return (
    <p className={`live-mark live-mark--${phase}`} data-live-phase={phase}>
      <span className="live-mark__dot" aria-hidden="true" />
      <span role="status" className="live-mark__state">
        {state}
      </span>
      {updatedAt ? (
        <>
          <span aria-hidden="true"> · </span>
          <time className="live-mark__time" dateTime={updatedAt.toISOString()}>
            {t('live.updatedAt', { time: formatTime(updatedAt.toISOString()) })}
          </time>
        </>
      ) : null}
    </p>
  );
}
