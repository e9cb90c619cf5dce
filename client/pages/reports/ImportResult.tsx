import type { Ref } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { formatCount } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import { outcomeOf, unlistedProblems, type ImportProblem, type ImportSummary } from './import-file';
import { reportsMessages } from './messages';

interface ImportResultProps {
  fileName: string;
  summary: ImportSummary;
  /** Focused when the answer arrives, so it is read out. */
  headingRef: Ref<HTMLHeadingElement>;
  /** Offered after a dry run without problems: import the same file. */
  onImportNow?: () => void;
}

/** What came of a check or an import: the counts, and the lines refused with their reasons. */
export function ImportResult({ fileName, summary, headingRef, onImportNow }: ImportResultProps) {
  const { t } = useMessages('reports', reportsMessages);
  const outcome = outcomeOf(summary);
  const good = outcome === 'imported' || outcome === 'checkedClean';
  const unlisted = unlistedProblems(summary);
  const columns: Column<ImportProblem>[] = [
    { label: t('problems.line'), value: (p) => p.line, numeric: true },
    { label: t('problems.column'), value: (p) => (p.column === '(file)' ? t('problems.wholeFile') : p.column) },
    { label: t('problems.reason'), value: (p) => p.reason },
  ];
  const counts: [string, number][] = [
    [t('result.read'), summary.read],
    [t(summary.status === 'DRY_RUN' ? 'result.wouldImport' : 'result.imported'), summary.imported],
    [t('result.duplicates'), summary.duplicates],
    [t('result.rejected'), summary.rejected],
  ];

  return (
    <div className={`import-result import-result--${good ? 'good' : 'bad'}`}>
      <h3 ref={headingRef} tabIndex={-1}>
        {t(`outcome.${outcome}`, { name: fileName })}
      </h3>
      <p>{t(`outcomeDetail.${outcome}`)}</p>
      <dl className="import-counts">
        {counts.map(([label, value]) => (
          <div key={label} className="import-counts__item">
            <dt>{label}</dt>
            <dd>{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
      {onImportNow ? (
        <button type="button" className="button" onClick={onImportNow}>
          {t('result.importNow')}
        </button>
      ) : null}
      {summary.errors.length > 0 ? (
        <>
          <DataTable
            caption={t('problems.caption', { name: fileName })}
            columns={columns}
            rows={summary.errors}
            rowKey={(p) => `${p.line}:${p.column}:${p.reason}`}
            filename={`${fileName.replace(/\.csv$/i, '')}-problems`}
          />
          {unlisted > 0 ? <p>{t('problems.unlisted', { count: unlisted })}</p> : null}
        </>
      ) : null}
    </div>
  );
}
