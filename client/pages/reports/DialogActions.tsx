import { useMessages } from '../../i18n/use-messages';
import { reportsMessages } from './messages';

interface DialogActionsProps {
  /** Why the last try failed, announced when it appears. */
  failure: string | null;
  /** The mutation is running: submit is disabled and says so. */
  submitting: boolean;
  submitLabel: string;
  submittingLabel: string;
  onCancel: () => void;
}

/** The end of a dialog's form: its failure, if any, then submit and cancel. */
export function DialogActions({ failure, submitting, submitLabel, submittingLabel, onCancel }: DialogActionsProps) {
  const { t } = useMessages('reports', reportsMessages);
  return (
    <>
      {failure ? (
        <p className="reports-dialog__failure" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="reports-dialog__actions">
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? submittingLabel : submitLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('dialog.cancel')}
        </button>
      </div>
    </>
  );
}
