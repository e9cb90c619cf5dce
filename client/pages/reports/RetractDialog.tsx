import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useMessages } from '../../i18n/use-messages';
import { errorMessage, graphQLErrorsOf } from '../../session';
import { serverFieldErrors } from './correction';
import { DialogActions } from './DialogActions';
import { FormField } from './FormField';
import { reportsMessages } from './messages';
import { ModalDialog } from './ModalDialog';
import { ReportSummary } from './ReportSummary';
import { RETRACT_REPORT_MUTATION, type RecentReport } from './queries';

interface RetractDialogProps {
  report: RecentReport;
  onClose: () => void;
  /** Retracted: what to tell the person. */
  onDone: (message: string) => void;
}

/** Asks for the reason, then retracts: the report stays, marked, and leaves every total. */
export function RetractDialog({ report, onClose, onDone }: RetractDialogProps) {
  const { t } = useMessages('reports', reportsMessages);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [retract, { loading }] = useMutation(RETRACT_REPORT_MUTATION);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (loading) return;
    setFailure(null);
    if (!reason.trim()) return setReasonError(t('problem.required'));
    setReasonError(null);
    try {
      await retract({ variables: { id: report.id, reason: reason.trim() } });
      onDone(t('list.retracted', { reportId: report.reportId }));
    } catch (error) {
      const { fields, other } = serverFieldErrors(graphQLErrorsOf(error));
      if (fields.reason) setReasonError(t('serverSays', { message: fields.reason }));
      const message = other.length > 0 ? t('serverSays', { message: other.join(' ') }) : fields.reason ? null : errorMessage(error);
      if (message) setFailure(t('dialog.failed', { message }));
    }
  }

  return (
    <ModalDialog title={t('retract.title', { reportId: report.reportId })} onClose={onClose}>
      <ReportSummary report={report} />
      <p>{t('retract.intro')}</p>
      <form className="reports-dialog__form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <FormField label={t('retract.reason')} hint={t('retract.reasonHint')} error={reasonError}>
          {(control) => (
            <textarea {...control} data-autofocus rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
          )}
        </FormField>
        <DialogActions
          failure={failure}
          submitting={loading}
          submitLabel={t('retract.submit')}
          submittingLabel={t('retract.submitting')}
          onCancel={onClose}
        />
      </form>
    </ModalDialog>
  );
}
