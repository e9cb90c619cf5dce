import { countryName, formatCount, formatDate } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import { snapshotsMessages } from './messages';
import type { PreviewFigures } from './snapshot-values';
import { SnapshotStatusBadge } from './SnapshotStatusBadge';

interface SnapshotPreviewFiguresProps {
  figures: PreviewFigures;
  status: string;
  /** YYYY-MM-DD, to say why the status is what it is; null when unknown. */
  reportingDeadline: string | null;
}

/** What a publication would freeze: its status, the headline counts and every case's actions. */
export function SnapshotPreviewFigures({ figures, status, reportingDeadline }: SnapshotPreviewFiguresProps) {
  const { t } = useMessages('snapshots', snapshotsMessages);
  const deadline = reportingDeadline ? formatDate(reportingDeadline) : null;
  const counts = [
    { label: t('figure.actions'), value: figures.totals.actions },
    { label: t('figure.reports'), value: figures.totals.reports },
    { label: t('figure.groups'), value: figures.totals.groups },
    { label: t('figure.countries'), value: figures.totals.countries },
  ];
  const why =
    status === 'FINAL'
      ? deadline
        ? t('preview.deadlinePassedOn', { deadline })
        : t('preview.deadlinePassed')
      : deadline
        ? t('preview.dueUntil', { deadline })
        : t('preview.dueUntilDeadline');
  return (
    <div className="preview-figures">
      <p className="preview-figures__status">
        {t('preview.statusItWouldGet')} <SnapshotStatusBadge status={status} /> <span>{why}</span>
      </p>
      <dl className="counters">
        {counts.map((item) => (
          <div className="counters__item" key={item.label}>
            <dt>{item.label}</dt>
            <dd>{formatCount(item.value)}</dd>
          </div>
        ))}
      </dl>
      {figures.cases.length > 0 ? (
        <div className="figure-table__scroll" role="region" aria-label={t('preview.byCase')} tabIndex={0}>
          <table className="figure-table">
            <caption>{t('preview.byCase')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('preview.case')}</th>
                <th scope="col">{t('preview.actions')}</th>
                <th scope="col">{t('preview.reports')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.cases.map((c) => (
                <tr key={c.slug}>
                  <th scope="row">
                    {c.name}
                    {c.country ? <span className="figure-table__sub">{countryName(c.country)}</span> : null}
                  </th>
                  <td>{formatCount(c.actions)}</td>
                  <td>{formatCount(c.reports)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('preview.noCases')}</p>
      )}
      {figures.namedGroups ? (
        <details className="preview-figures__groups">
          <summary>
            {t('preview.namedGroups', {
              count: figures.namedGroups.length,
              formatted: formatCount(figures.namedGroups.length),
            })}
          </summary>
          <ol>
            {figures.namedGroups.map((group, index) => (
              <li key={index}>
                {group.name || t('preview.unnamedGroup')}:{' '}
                {group.actions === null
                  ? t('preview.fewerThan', { threshold: formatCount(figures.suppressBelow) })
                  : t('preview.groupActions', { actions: formatCount(group.actions) })}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
