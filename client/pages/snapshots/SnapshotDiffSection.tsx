import { skipToken, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { formatChange, formatCount } from '../../format';
import { commonMessages } from '../../i18n/common.messages';
import {
  SNAPSHOT_DIFF_QUERY,
  type FigureChange,
  type SnapshotDiffVariables,
  type SnapshotSummary,
} from './queries';
import { useMessages } from '../../i18n/use-messages';
import { snapshotsMessages } from './messages';
import { QueryError } from '../../components/QueryError';

interface SnapshotDiffSectionProps {
  /** Newest first; at least one. */
  snapshots: readonly SnapshotSummary[];
  /** The snapshot the changes are counted from. */
  slug: string;
  onSlugChange: (slug: string) => void;
}

/** What changed since a snapshot: late reports and corrections, against the live data or another snapshot. */
export function SnapshotDiffSection({ snapshots, slug, onSlugChange }: SnapshotDiffSectionProps) {
  const ids = { slug: useId(), against: useId() };
  const { t } = useMessages('snapshots', snapshotsMessages);
  // '' is the live data.
  const [againstChoice, setAgainstChoice] = useState('');
  const against = againstChoice !== slug && snapshots.some((s) => s.slug === againstChoice) ? againstChoice : '';
  const [request, setRequest] = useState<SnapshotDiffVariables | null>(null);
  const diff = useQuery(SNAPSHOT_DIFF_QUERY, request ? { variables: request, fetchPolicy: 'network-only' } : skipToken);

  function onCompare(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: SnapshotDiffVariables = { slug, against: against || null };
    // The same question again still asks the server: the live data moves.
    if (request && request.slug === next.slug && request.against === next.against) {
      void diff.refetch().catch(() => undefined);
    } else {
      setRequest(next);
    }
  }

  const result = diff.data?.snapshotDiff;
  return (
    <section className="card snap-card diff" aria-labelledby="diff-title">
      <h2 id="diff-title">{t('diff.title')}</h2>
      <p className="section-intro">{t('diff.intro')}</p>
      <form className="diff__form" onSubmit={onCompare}>
        <div className="field">
          <label htmlFor={ids.slug}>{t('diff.snapshot')}</label>
          <select id={ids.slug} value={slug} onChange={(event) => onSlugChange(event.target.value)}>
            {snapshots.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.slug}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.against}>{t('diff.against')}</label>
          <select id={ids.against} value={against} onChange={(event) => setAgainstChoice(event.target.value)}>
            <option value="">{t('diff.live')}</option>
            {snapshots
              .filter((s) => s.slug !== slug)
              .map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.slug}
                </option>
              ))}
          </select>
        </div>
        <button type="submit" className="button" aria-disabled={diff.loading}>
          {against ? t('diff.compareSnapshots') : t('diff.compareLive')}
        </button>
      </form>

      {request ? (
        <div className="diff__result" aria-busy={diff.loading && !result}>
          <h3>
            {t('diff.from')} <code>{request.slug}</code> <span className="arrow" aria-hidden="true">→</span>
            <span className="visually-hidden">{t('diff.to')}</span>{' '}
            {request.against ? <code>{request.against}</code> : t('diff.theLiveData')}
          </h3>
          {/* A live update refetches: the figures on screen stay until the new ones arrive. */}
          {diff.loading && !result ? (
            <>
              <p className="visually-hidden" role="status">
                {t('diff.comparing')}
              </p>
              <div className="skeleton skeleton--line" aria-hidden="true" />
              <div className="skeleton skeleton--counters" aria-hidden="true" />
            </>
          ) : diff.error ? (
            <QueryError title={t('diff.failed')} result={diff} />
          ) : result ? (
            <>
              <p className="diff__total" role="status">
                <span className="diff__total-label">{t('diff.total')}</span>{' '}
                <span className="diff__total-values">
                  {formatCount(result.totalBefore)} <span className="arrow" aria-hidden="true">→</span>
                  <span className="visually-hidden">{t('diff.to')}</span> {formatCount(result.totalAfter)}
                </span>{' '}
                <ChangeValue change={result.totalAfter - result.totalBefore} />
              </p>
              {result.byCase.length === 0 && result.byCountry.length === 0 ? (
                <p>{t('diff.nothingChanged')}</p>
              ) : (
                <div className="diff__tables">
                  <ChangeTable
                    caption={t('diff.byCase')}
                    keyHeader={t('diff.case')}
                    rows={result.byCase}
                    none={t('diff.noCase')}
                  />
                  <ChangeTable
                    caption={t('diff.byCountry')}
                    keyHeader={t('diff.country')}
                    rows={result.byCountry}
                    none={t('diff.noCountry')}
                  />
                </div>
              )}
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** "+1,234" or "−56": the sign says it, the colour only repeats it. */
function ChangeValue({ change }: { change: number }) {
  const { t } = useMessages('snapshots', snapshotsMessages);
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'none';
  return <span className={`change change--${direction}`}>{change === 0 ? t('diff.noChange') : formatChange(change)}</span>;
}

interface ChangeTableProps {
  caption: string;
  keyHeader: string;
  rows: readonly FigureChange[];
  none: string;
}

function ChangeTable({ caption, keyHeader, rows, none }: ChangeTableProps) {
  const { t } = useMessages('snapshots', snapshotsMessages);
  const common = useMessages('common', commonMessages).t;
  if (rows.length === 0) {
    return (
      <div className="diff__table">
        <p className="diff__table-title">{caption}</p>
        <p className="field__hint">{none}</p>
      </div>
    );
  }
  return (
    <div className="diff__table figure-table__scroll" role="region" aria-label={t('diff.changesBy', { by: caption.toLowerCase() })} tabIndex={0}>
      <table className="figure-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeader}</th>
            <th scope="col">{t('diff.before')}</th>
            <th scope="col">{t('diff.after')}</th>
            <th scope="col">{t('diff.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label || row.key || common('filters.notGiven')}</th>
              <td>{formatCount(row.before)}</td>
              <td>{formatCount(row.after)}</td>
              <td>
                <ChangeValue change={row.change} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
