import { useId, type RefObject } from 'react';
import { useMessages } from '../../i18n/use-messages';
import { snapshotsMessages } from './messages';

interface ReplaceSnapshotConfirmProps {
  /** The slug of the final snapshot that would be replaced, when the server named it. */
  existing: string | null;
  /** Focused when the question appears. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  onReplace: () => void;
  onCancel: () => void;
}

/** The scope already has a FINAL snapshot: replacing it is a choice made on purpose. */
export function ReplaceSnapshotConfirm({ existing, headingRef, onReplace, onCancel }: ReplaceSnapshotConfirmProps) {
  const titleId = useId();
  const { t } = useMessages('snapshots', snapshotsMessages);
  return (
    <div className="confirm" role="group" aria-labelledby={titleId}>
      <h3 id={titleId} ref={headingRef} tabIndex={-1}>
        {existing ? t('replace.title', { slug: existing }) : t('replace.titleUnnamed')}
      </h3>
      <p>{t('replace.text')}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onReplace}>
          {t('replace.confirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('replace.cancel')}
        </button>
      </div>
    </div>
  );
}
