import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useMessages } from '../../i18n/use-messages';
import { commonMessages } from '../../i18n/common.messages';
import { errorMessage, graphQLErrorsOf } from '../../session';
import {
  ACTION_TYPES,
  GROUP_TYPES,
  serverFieldErrors,
  toCorrectionForm,
  toCorrectionInput,
  type CorrectionField,
  type CorrectionForm,
  type FieldErrors,
} from './correction';
import { DialogActions } from './DialogActions';
import { FormField, type ControlProps } from './FormField';
import { reportsMessages } from './messages';
import { ModalDialog } from './ModalDialog';
import { ReportSummary } from './ReportSummary';
import { CAMPAIGN_CASES_QUERY, CORRECT_REPORT_MUTATION, type RecentReport } from './queries';

interface CorrectDialogProps {
  report: RecentReport;
  onClose: () => void;
  /** Corrected: what to tell the person. */
  onDone: (message: string) => void;
}

/**
 * The report's values, prefilled, to correct; saved as a replacement under a new report id (the
 * old one stays, superseded). The server's objections appear next to the field they are about.
 */
export function CorrectDialog({ report, onClose, onDone }: CorrectDialogProps) {
  const { t } = useMessages('reports', reportsMessages);
  const common = useMessages('common', commonMessages);
  const [form, setForm] = useState<CorrectionForm>(() => toCorrectionForm(report));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [correct, { loading }] = useMutation(CORRECT_REPORT_MUTATION);
  const year = Number(form.year);
  const cases = useQuery(CAMPAIGN_CASES_QUERY, /^\d{4}$/.test(form.year) ? { variables: { year } } : skipToken);
  const caseOptions = cases.data?.campaign?.cases ?? [];

  const set = (field: CorrectionField) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: event.target.value }));
  const input = (field: CorrectionField, props: ControlProps, extra: Record<string, unknown> = {}) => (
    <input {...props} value={form[field]} onChange={set(field)} {...extra} />
  );
  const field = (name: CorrectionField, control: (props: ControlProps) => ReactNode, options: { hint?: string; optional?: boolean } = {}) => (
    <FormField
      label={options.optional ? `${t(`field.${name}`)} (${t('field.optional')})` : t(`field.${name}`)}
      hint={options.hint}
      error={errors[name]}
    >
      {control}
    </FormField>
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loading) return;
    setFailure(null);
    const checked = toCorrectionInput(form, report.reportId);
    if ('problems' in checked) {
      setErrors(Object.fromEntries(Object.entries(checked.problems).map(([f, problem]) => [f, t(`problem.${problem}`)])));
      setFailure(t('dialog.fixFields'));
      return;
    }
    setErrors({});
    try {
      const { data } = await correct({ variables: { id: report.id, input: checked.input, reason: checked.reason } });
      onDone(t('list.corrected', { reportId: report.reportId, replacement: data?.correctReport.reportId ?? checked.input.reportId }));
    } catch (error) {
      const { fields, other } = serverFieldErrors(graphQLErrorsOf(error));
      setErrors(Object.fromEntries(Object.entries(fields).map(([f, message]) => [f, t('serverSays', { message })])));
      const named = Object.keys(fields).length > 0;
      setFailure(
        other.length > 0
          ? t('dialog.failed', { message: t('serverSays', { message: other.join(' ') }) })
          : named
            ? t('dialog.fixFields')
            : t('dialog.failed', { message: errorMessage(error) }),
      );
    }
  }

  return (
    <ModalDialog title={t('correct.title', { reportId: report.reportId })} onClose={onClose}>
      <ReportSummary report={report} />
      <p>{t('correct.intro')}</p>
      <form className="reports-dialog__form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <fieldset className="reports-fieldset">
          <legend>{t('correct.report')}</legend>
          {field('reportId', (p) => input('reportId', p, { 'data-autofocus': true, maxLength: 100, autoComplete: 'off' }))}
          {field('count', (p) => input('count', p, { inputMode: 'numeric' }))}
          {field('actionType', (p) => (
            <select {...p} value={form.actionType} onChange={set('actionType')}>
              {ACTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {common.t(`actionType.${type}`)}
                </option>
              ))}
            </select>
          ))}
          {field('year', (p) => input('year', p, { inputMode: 'numeric', maxLength: 4 }))}
          {field('caseSlug', (p) => (
            <select {...p} value={form.caseSlug} onChange={set('caseSlug')} aria-busy={cases.loading}>
              {caseOptions.some((c) => c.slug === form.caseSlug) ? null : <option value={form.caseSlug}>{form.caseSlug}</option>}
              {caseOptions.map((c) => (
                <option key={c.id} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          ), { hint: cases.loading ? t('correct.casesLoading', { year: form.year }) : cases.data && !cases.data.campaign ? t('correct.noCampaign', { year: form.year }) : undefined })}
          {field('writtenOn', (p) => input('writtenOn', p, { type: 'date' }), { optional: true })}
          {field('reportedAt', (p) => input('reportedAt', p, { autoComplete: 'off', spellCheck: false }))}
        </fieldset>
        <fieldset className="reports-fieldset">
          <legend>{t('correct.writers')}</legend>
          {field('country', (p) => input('country', p, { maxLength: 2, autoComplete: 'off' }))}
          {field('region', (p) => input('region', p))}
          {field('subdivision', (p) => input('subdivision', p, { autoComplete: 'off' }), { optional: true })}
          {field('groupRef', (p) => input('groupRef', p, { autoComplete: 'off' }), { optional: true })}
          {field('groupName', (p) => input('groupName', p), { optional: true })}
          {field('groupType', (p) => (
            <select {...p} value={form.groupType} onChange={set('groupType')}>
              <option value="">{t('field.noGroup')}</option>
              {GROUP_TYPES.map((type) => (
                <option key={type} value={type}>
                  {common.t(`groupType.${type}`)}
                </option>
              ))}
            </select>
          ), { optional: true })}
        </fieldset>
        {field('reason', (p) => <textarea {...p} rows={2} maxLength={1000} value={form.reason} onChange={set('reason')} />)}
        <DialogActions
          failure={failure}
          submitting={loading}
          submitLabel={t('correct.submit')}
          submittingLabel={t('correct.submitting')}
          onCancel={onClose}
        />
      </form>
    </ModalDialog>
  );
}
