import { useApolloClient } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { pickCampaign } from '../../campaigns';
import { usePublishSnapshot } from './publish-snapshot';
import type { CampaignSummary } from '../../graphql/operations';
import { PREVIEW_SNAPSHOT_QUERY, type PublishSnapshotInput, type SnapshotSummary } from './queries';
import { useMessages } from '../../i18n/use-messages';
import { snapshotsMessages } from './messages';
import { errorMessage } from '../../session';
import {
  DEFAULT_SUPPRESS_BELOW,
  needsReplace,
  readPreviewFigures,
  sameInput,
  toPublishInput,
  type PreviewFigures,
  type PublishFormErrors,
  type PublishFormValues,
} from './snapshot-values';
import { LoadingState } from '../../components/LoadingState';
import { PublishSnapshotFields } from './PublishSnapshotFields';
import { ReplaceSnapshotConfirm } from './ReplaceSnapshotConfirm';
import { SnapshotPreviewFigures } from './SnapshotPreviewFigures';
import { SnapshotStatusBadge } from './SnapshotStatusBadge';

interface Preview {
  input: PublishSnapshotInput;
  status: string;
  figures: PreviewFigures;
}

/** Preview first, then publish what was previewed; a second FINAL needs an explicit "Replace it". */
type Flow =
  | { step: 'form' }
  | { step: 'previewing' }
  | { step: 'previewed'; preview: Preview }
  | { step: 'publishing'; preview: Preview; replace: boolean }
  | { step: 'confirmReplace'; preview: Preview; existing: string | null }
  | { step: 'published'; snapshot: SnapshotSummary; replaced: boolean };

interface PublishSnapshotFormProps {
  /** Undefined while the campaigns load. */
  campaigns: readonly CampaignSummary[] | undefined;
  onPublished: (snapshot: SnapshotSummary) => void;
}

export function PublishSnapshotForm({ campaigns, onPublished }: PublishSnapshotFormProps) {
  const client = useApolloClient();
  const { t } = useMessages('snapshots', snapshotsMessages);
  const publish = usePublishSnapshot();
  const previewTitleId = useId();
  const fieldRefs = {
    year: useRef<HTMLSelectElement>(null),
    title: useRef<HTMLInputElement>(null),
    suppressBelow: useRef<HTMLInputElement>(null),
  };
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const doneMessage = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<'preview' | 'confirm' | 'done' | null>(null);
  const request = useRef(0);

  const [values, setValues] = useState<Omit<PublishFormValues, 'year' | 'title'>>({
    note: '',
    includeGroupNames: false,
    suppressBelow: String(DEFAULT_SUPPRESS_BELOW),
  });
  // Until chosen, the year is the latest campaign's and the title follows the year.
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const [typedTitle, setTypedTitle] = useState<string | null>(null);
  const campaign = campaigns ? pickCampaign(campaigns, chosenYear) : null;
  const form: PublishFormValues = {
    ...values,
    year: campaign?.year ?? null,
    title: typedTitle ?? (campaign ? t('publish.suggestedTitle', { campaign: campaign.name }) : ''),
  };
  const parsed = toPublishInput(form);
  const [showErrors, setShowErrors] = useState(false);
  const errors: PublishFormErrors = showErrors && 'errors' in parsed ? parsed.errors : {};

  const [flow, setFlow] = useState<Flow>({ step: 'form' });
  const [error, setError] = useState<string | null>(null);
  const preview = 'preview' in flow ? flow.preview : null;
  const stale = preview !== null && !('input' in parsed && sameInput(preview.input, parsed.input));

  useEffect(() => {
    const target = pendingFocus.current;
    if (!target) return;
    pendingFocus.current = null;
    const element = { preview: previewHeading, confirm: confirmHeading, done: doneMessage }[target].current;
    element?.focus();
  });

  async function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (flow.step === 'previewing' || flow.step === 'publishing') return;
    setShowErrors(true);
    if ('errors' in parsed) {
      const first = (['year', 'title', 'suppressBelow'] as const).find((field) => parsed.errors[field]);
      if (first) fieldRefs[first].current?.focus();
      return;
    }
    const { input } = parsed;
    const mine = ++request.current;
    setFlow({ step: 'previewing' });
    setError(null);
    try {
      const { data } = await client.query({
        query: PREVIEW_SNAPSHOT_QUERY,
        variables: { input },
        fetchPolicy: 'no-cache', // always the figures of now, and no large JSON kept in the cache
      });
      if (mine !== request.current) return;
      const figures = data ? readPreviewFigures(data.previewSnapshot.content) : null;
      if (!data || !figures) throw new Error(t('publish.unreadablePreview'));
      pendingFocus.current = 'preview';
      setFlow({ step: 'previewed', preview: { input, status: data.previewSnapshot.status, figures } });
    } catch (failure) {
      if (mine !== request.current) return;
      setFlow({ step: 'form' });
      setError(t('publish.previewFailed', { error: errorMessage(failure) }));
    }
  }

  async function onPublish(previewed: Preview, replace: boolean) {
    if (flow.step === 'publishing') return;
    setFlow({ step: 'publishing', preview: previewed, replace });
    setError(null);
    try {
      const result = await publish({ variables: { input: { ...previewed.input, ...(replace && { replace: true }) } } });
      const snapshot = result.data?.publishSnapshot;
      if (!snapshot) throw new Error(t('publish.noAnswer'));
      pendingFocus.current = 'done';
      setFlow({ step: 'published', snapshot, replaced: replace });
      onPublished(snapshot);
    } catch (failure) {
      if (!replace && needsReplace(failure)) {
        const existing = /"([a-z0-9-]+)"/.exec(errorMessage(failure))?.[1] ?? null;
        pendingFocus.current = 'confirm';
        setFlow({ step: 'confirmReplace', preview: previewed, existing });
        const year = previewed.input.year;
        setError(existing ? t('publish.finalExistsNamed', { year, slug: existing }) : t('publish.finalExists', { year }));
        return;
      }
      setFlow({ step: 'previewed', preview: previewed });
      setError(t('publish.failed', { error: errorMessage(failure) }));
    }
  }

  return (
    <section className="card snap-card publish" aria-labelledby="publish-title">
      <h2 id="publish-title">{t('publish.title')}</h2>
      <p className="section-intro">{t('publish.intro')}</p>
      <form className="publish__form" onSubmit={(event) => void onPreview(event)} noValidate>
        <PublishSnapshotFields
          campaigns={campaigns}
          form={form}
          errors={errors}
          fieldRefs={fieldRefs}
          onYearChange={setChosenYear}
          onTitleChange={setTypedTitle}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
        />
        <div className="form-actions">
          <button
            type="submit"
            className={`button${preview && !stale ? ' button--secondary' : ''}`}
            aria-disabled={flow.step === 'previewing' || flow.step === 'publishing'}
          >
            {flow.step === 'previewing' ? t('publish.reading') : preview ? t('publish.previewAgain') : t('publish.preview')}
          </button>
        </div>
      </form>

      {flow.step === 'previewing' ? (
        <LoadingState label={t('publish.reading')} className="preview">
          <div className="skeleton skeleton--line" aria-hidden="true" />
          <div className="skeleton skeleton--counters" aria-hidden="true" />
        </LoadingState>
      ) : null}

      {preview ? (
        <section className={`preview${stale ? ' preview--stale' : ''}`} aria-labelledby={previewTitleId}>
          <h3 id={previewTitleId} ref={previewHeading} tabIndex={-1}>
            {t('publish.previewTitle', { title: preview.input.title })}
          </h3>
          <SnapshotPreviewFigures
            figures={preview.figures}
            status={preview.status}
            reportingDeadline={campaigns?.find((c) => c.year === preview.input.year)?.reportingDeadline ?? null}
          />
          <p className="field__hint">{t('publish.rereads')}</p>
        </section>
      ) : null}

      {/* Always in the page, so screen readers announce a message as soon as it appears. */}
      <div className={error ? 'form-error' : undefined} role="alert">
        {error}
      </div>

      {preview && stale ? (
        <p className="notice">{t('publish.stale')}</p>
      ) : flow.step === 'confirmReplace' ? (
        <ReplaceSnapshotConfirm
          existing={flow.existing}
          headingRef={confirmHeading}
          onReplace={() => void onPublish(flow.preview, true)}
          onCancel={() => {
            setError(null);
            setFlow({ step: 'previewed', preview: flow.preview });
          }}
        />
      ) : preview ? (
        <div className="form-actions">
          <button
            type="button"
            className="button"
            aria-disabled={flow.step === 'publishing'}
            onClick={() => void onPublish(preview, false)}
          >
            {flow.step === 'publishing' ? (flow.replace ? t('publish.replacing') : t('publish.publishing')) : t('publish.publish')}
          </button>
        </div>
      ) : null}

      {flow.step === 'published' ? (
        <div className="success" role="status" tabIndex={-1} ref={doneMessage}>
          <p>
            <strong>{t('publish.published')}</strong> {t('publish.publishedAs')}{' '}
            <SnapshotStatusBadge status={flow.snapshot.status} />
            {flow.replaced ? t('publish.replacedEarlier') : ''}
            {t('publish.publicPageIs')} <a href={flow.snapshot.url}>{flow.snapshot.url}</a>.
          </p>
        </div>
      ) : null}
    </section>
  );
}
