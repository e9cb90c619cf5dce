import { useId, useRef, useState, type DragEvent } from 'react';
import { formatPercent } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import { formatFileSize } from './file-size';
import { fileProblem, MAX_UPLOAD_BYTES, outcomeOf, uploadShare, type ImportSummary } from './import-file';
import { ImportResult } from './ImportResult';
import { reportsMessages } from './messages';
import { UploadFailed, uploadCsv, type Upload } from './upload';

type Step =
  | { step: 'idle' }
  | { step: 'sending'; dryRun: boolean; loaded: number; total: number }
  | { step: 'processing'; dryRun: boolean }
  | { step: 'done'; file: File; summary: ImportSummary }
  | { step: 'failed'; message: string };

interface UploadSectionProps {
  /** Something was stored (reports, or the record of a refused import). */
  onImported: () => void;
}

/** A CSV file chosen or dropped, checked (dry run) or imported, with the upload's progress and the answer. */
export function UploadSection({ onImported }: UploadSectionProps) {
  const { t, language } = useMessages('reports', reportsMessages);
  const ids = { title: useId(), input: useId(), progress: useId() };
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [step, setStep] = useState<Step>({ step: 'idle' });
  const upload = useRef<Upload | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const busy = step.step === 'sending' || step.step === 'processing';
  const size = (bytes: number) => formatFileSize(bytes, language);

  function choose(chosen: File | undefined) {
    if (!chosen || busy) return;
    const found = fileProblem(chosen);
    setStep({ step: 'idle' });
    if (found) {
      setFile(null);
      setProblem(t(`upload.${found}`, { name: chosen.name, size: size(chosen.size), max: size(MAX_UPLOAD_BYTES) }));
    } else {
      setFile(chosen);
      setProblem(null);
    }
  }

  async function send(dryRun: boolean) {
    if (!file || busy) return;
    setStep({ step: 'sending', dryRun, loaded: 0, total: file.size });
    upload.current = uploadCsv(file, dryRun, {
      onProgress: (loaded, total) => setStep((s) => (s.step === 'sending' ? { ...s, loaded, total } : s)),
      onSent: () => setStep((s) => (s.step === 'sending' ? { step: 'processing', dryRun } : s)),
    });
    try {
      const answer = await upload.current.answer;
      if (answer.kind === 'refused') {
        const refused = t('upload.refused', { status: answer.status });
        setStep({ step: 'failed', message: answer.message ? `${refused} ${t('serverSays', { message: answer.message })}` : refused });
        return;
      }
      setStep({ step: 'done', file, summary: answer.summary });
      if (answer.summary.status !== 'DRY_RUN') onImported();
      requestAnimationFrame(() => resultHeading.current?.focus());
    } catch (error) {
      const reason = error instanceof UploadFailed ? error.reason : 'network';
      setStep({ step: 'failed', message: t(reason === 'cancelled' ? 'upload.cancelled' : 'upload.network') });
    } finally {
      upload.current = null;
    }
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  }

  const sent = step.step === 'sending' ? step : step.step === 'idle' || step.step === 'failed' ? null : { loaded: file?.size ?? 0, total: file?.size ?? 0 };

  return (
    <section className="card reports-section" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('upload.title')}</h2>
      <p className="reports-section__intro">{t('upload.intro')}</p>

      <div
        className={`upload-zone${dragging ? ' upload-zone--dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p className="upload-zone__prompt">
          <span>{t('upload.drop')}</span>
          <input
            id={ids.input}
            type="file"
            accept=".csv,text/csv"
            className="visually-hidden upload-zone__input"
            disabled={busy}
            onChange={(event) => {
              choose(event.target.files?.[0]);
              event.target.value = ''; // choosing the same file again (after fixing it) is a new choice
            }}
          />
          <label htmlFor={ids.input} className="button button--secondary upload-zone__choose">
            {t('upload.choose')}
          </label>
        </p>
        <p className="upload-zone__file" aria-live="polite">
          {file ? t('upload.chosen', { name: file.name, size: size(file.size) }) : t('upload.noFile')}
        </p>
        {problem ? (
          <p className="upload-zone__problem" role="alert">
            {problem}
          </p>
        ) : null}
      </div>

      <div className="upload-actions">
        <button type="button" className="button button--secondary" disabled={!file || busy} onClick={() => void send(true)}>
          {t('upload.check')}
        </button>
        <button type="button" className="button" disabled={!file || busy} onClick={() => void send(false)}>
          {t('upload.import')}
        </button>
        {step.step === 'sending' ? (
          <button type="button" className="button button--secondary" onClick={() => upload.current?.cancel()}>
            {t('upload.cancel')}
          </button>
        ) : null}
      </div>

      {sent && file ? (
        <div className="upload-progress">
          <label htmlFor={ids.progress}>{t('upload.progress', { name: file.name })}</label>
          <progress id={ids.progress} className="upload-progress__bar" max={Math.max(sent.total, 1)} value={sent.loaded} />
          <span className="upload-progress__figures">
            {t('upload.sent', {
              percent: formatPercent(uploadShare(sent.loaded, sent.total)),
              loaded: size(sent.loaded),
              total: size(sent.total),
            })}
          </span>
        </div>
      ) : null}

      {step.step === 'processing' && file ? (
        <div className="upload-processing" role="status">
          <progress className="upload-processing__bar" aria-label={t(step.dryRun ? 'upload.checking' : 'upload.importing', { size: size(file.size) })} />
          <span>{t(step.dryRun ? 'upload.checking' : 'upload.importing', { size: size(file.size) })}</span>
        </div>
      ) : null}

      {step.step === 'failed' ? (
        <p className="upload-failed" role="alert">
          {step.message}
        </p>
      ) : null}

      {step.step === 'done' ? (
        <ImportResult
          fileName={step.file.name}
          summary={step.summary}
          headingRef={resultHeading}
          onImportNow={outcomeOf(step.summary) === 'checkedClean' && step.file === file ? () => void send(false) : undefined}
        />
      ) : null}
    </section>
  );
}
