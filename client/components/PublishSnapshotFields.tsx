import { useId, type RefObject } from 'react';
import type { CampaignSummary } from '../graphql/operations';
import { MAX_SUPPRESS_BELOW, MAX_TITLE_LENGTH, type PublishFormErrors, type PublishFormValues } from '../snapshots';

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
        <label htmlFor={ids.year}>Campaign</label>
        <select
          id={ids.year}
          ref={fieldRefs.year}
          value={form.year ?? ''}
          disabled={!campaigns}
          aria-invalid={errors.year ? true : undefined}
          aria-describedby={describedBy(errors.year && errorId('year'))}
          onChange={(event) => onYearChange(Number(event.target.value))}
        >
          {!campaigns ? <option value="">Loading the campaigns…</option> : null}
          {campaigns && campaigns.length === 0 ? <option value="">No campaign yet</option> : null}
          {[...(campaigns ?? [])]
            .sort((a, b) => b.year - a.year)
            .map((c) => (
              <option key={c.year} value={c.year}>
                {c.year}
              </option>
            ))}
        </select>
        <FieldError id={errorId('year')} message={errors.year} />
      </div>
      <div className="field">
        <label htmlFor={ids.title}>Title</label>
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
          Note <span className="field__optional">(optional)</span>
        </label>
        <textarea
          id={ids.note}
          rows={3}
          value={form.note}
          aria-describedby={ids.noteHint}
          onChange={(event) => onChange({ note: event.target.value })}
        />
        <p id={ids.noteHint} className="field__hint">
          Shown on the public page, e.g. what this snapshot adds to the last one.
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
        <label htmlFor={ids.groups}>Name the top groups</label>
        <p id={ids.groupsHint} className="field__hint">
          Off unless you tick it: a group&rsquo;s name can point to the people in it, and writing for human rights
          is risky in some places. Tick it only when the top groups have agreed to be named.
        </p>
      </div>
      <div className="field field--narrow">
        <label htmlFor={ids.threshold}>Suppression threshold</label>
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
          Figures below it, for subdivisions and groups, show as &ldquo;&lt;{' '}
          {/^\d+$/.test(form.suppressBelow.trim()) ? form.suppressBelow.trim() : 'N'}&rdquo; on the public page, so no small group can be picked out.
        </p>
        <FieldError id={errorId('suppressBelow')} message={errors.suppressBelow} />
      </div>
    </>
  );
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="field__error">
      {message}
    </p>
  ) : null;
}
