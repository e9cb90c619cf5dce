import { useId, type RefObject } from 'react';
import { formatCount, formatYear } from '../../format';
import type { CampaignSummary } from '../../graphql/operations';
import { useMessages } from '../../i18n/use-messages';
import { snapshotsMessages } from './messages';
import {
  MAX_SUPPRESS_BELOW,
  MAX_TITLE_LENGTH,
  type PublishFieldError,
  type PublishFormErrors,
  type PublishFormValues,
} from './snapshot-values';

interface PublishSnapshotFieldsProps {
  /** Undefined while the campaigns load. */
  campaigns: readonly CampaignSummary[] | undefined;
  form: PublishFormValues;
  /** Shown once the user has tried to preview. */
  errors: PublishFormErrors;
  /** The first invalid field is focused when a preview is refused. */
  fieldRefs: {
    year: RefObject<HTMLSelectElement | null>;
    title: RefObject<HTMLInputElement | null>;
    suppressBelow: RefObject<HTMLInputElement | null>;
  };
  onYearChange: (year: number) => void;
  onTitleChange: (title: string) => void;
  onChange: (patch: Partial<Pick<PublishFormValues, 'note' | 'includeGroupNames' | 'suppressBelow'>>) => void;
}

/** The publish form's fields, each with its label, hint and error. */
export function PublishSnapshotFields(props: PublishSnapshotFieldsProps) {
  const { campaigns, form, errors, fieldRefs, onYearChange, onTitleChange, onChange } = props;
  const { t } = useMessages('snapshots', snapshotsMessages);
  const ids = {
    year: useId(),
    title: useId(),
    note: useId(),
    noteHint: useId(),
    groups: useId(),
    groupsHint: useId(),
    threshold: useId(),
    thresholdHint: useId(),
  };
  const describedBy = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(' ') || undefined;
  const errorId = (field: keyof PublishFormErrors) => `${ids[field === 'suppressBelow' ? 'threshold' : field]}-error`;

  return (
    <>
      <div className="field field--narrow">
        <label htmlFor={ids.year}>{t('field.campaign')}</label>
        <select
          id={ids.year}
          ref={fieldRefs.year}
          value={form.year ?? ''}
          disabled={!campaigns}
          aria-invalid={errors.year ? true : undefined}
          aria-describedby={describedBy(errors.year && errorId('year'))}
          onChange={(event) => onYearChange(Number(event.target.value))}
        >
          {!campaigns ? <option value="">{t('field.loadingCampaigns')}</option> : null}
          {campaigns && campaigns.length === 0 ? <option value="">{t('field.noCampaign')}</option> : null}
          {[...(campaigns ?? [])]
            .sort((a, b) => b.year - a.year)
            .map((c) => (
              <option key={c.year} value={c.year}>
                {formatYear(c.year)}
              </option>
            ))}
        </select>
        <FieldError id={errorId('year')} message={errors.year} />
      </div>
      <div className="field">
        <label htmlFor={ids.title}>{t('field.title')}</label>
        <input
          id={ids.title}
          ref={fieldRefs.title}
          type="text"
          maxLength={MAX_TITLE_LENGTH}
          required
          value={form.title}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={describedBy(errors.title && errorId('title'))}
          onChange={(event) => onTitleChange(event.target.value)}
        />
        <FieldError id={errorId('title')} message={errors.title} />
      </div>
      <div className="field">
        <label htmlFor={ids.note}>
          {t('field.note')} <span className="field__optional">{t('field.optional')}</span>
        </label>
        <textarea
          id={ids.note}
          rows={3}
          value={form.note}
          aria-describedby={ids.noteHint}
          onChange={(event) => onChange({ note: event.target.value })}
        />
        <p id={ids.noteHint} className="field__hint">
          {t('field.noteHint')}
        </p>
      </div>
      <div className="field field--check">
        <input
          id={ids.groups}
          type="checkbox"
          checked={form.includeGroupNames}
          aria-describedby={ids.groupsHint}
          onChange={(event) => onChange({ includeGroupNames: event.target.checked })}
        />
        <label htmlFor={ids.groups}>{t('field.groups')}</label>
        <p id={ids.groupsHint} className="field__hint">
          {t('field.groupsHint')}
        </p>
      </div>
      <div className="field field--narrow">
        <label htmlFor={ids.threshold}>{t('field.threshold')}</label>
        <input
          id={ids.threshold}
          ref={fieldRefs.suppressBelow}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_SUPPRESS_BELOW}
          step={1}
          required
          value={form.suppressBelow}
          aria-invalid={errors.suppressBelow ? true : undefined}
          aria-describedby={describedBy(ids.thresholdHint, errors.suppressBelow && errorId('suppressBelow'))}
          onChange={(event) => onChange({ suppressBelow: event.target.value })}
        />
        <p id={ids.thresholdHint} className="field__hint">
          {t('field.thresholdHint', {
            threshold: /^\d+$/.test(form.suppressBelow.trim()) ? formatCount(Number(form.suppressBelow)) : 'N',
          })}
        </p>
        <FieldError id={errorId('suppressBelow')} message={errors.suppressBelow} />
      </div>
    </>
  );
}

function FieldError({ id, message }: { id: string; message: PublishFieldError | undefined }) {
  const { t } = useMessages('snapshots', snapshotsMessages);
  // The limits are the form's own, written in the reader's way ("1,000", "1.000").
  const max = formatCount(message === 'titleTooLong' ? MAX_TITLE_LENGTH : MAX_SUPPRESS_BELOW);
  return message ? (
    <p id={id} className="field__error">
      {t(`error.${message}`, { max })}
    </p>
  ) : null;
}
