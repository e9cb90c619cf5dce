import { useMessages } from '../../i18n/use-messages';
import { groupsMessages } from './messages';

interface PagerProps {
  /** "Groups 26–50 of 312" */
  status: string;
  onPrevious: (() => void) | null;
  onNext: (() => void) | null;
}

/** Previous and next page of a list; a button is disabled where there is no such page. */
export function Pager({ status, onPrevious, onNext }: PagerProps) {
  const { t } = useMessages('groups', groupsMessages);
  return (
    <nav className="groups-pager" aria-label={t('pager.label')}>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={!onPrevious}
        onClick={onPrevious ?? undefined}
      >
        <span className="arrow" aria-hidden="true">←</span>{' '}
        {t('pager.previous')}
      </button>
      <p className="groups-pager__status" aria-live="polite">
        {status}
      </p>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={!onNext}
        onClick={onNext ?? undefined}
      >
        {t('pager.next')}
        {' '}<span className="arrow" aria-hidden="true">→</span>
      </button>
    </nav>
  );
}
