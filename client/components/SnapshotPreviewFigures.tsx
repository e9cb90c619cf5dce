import { countryName, formatCount, formatDate } from '../format';
import type { PreviewFigures } from '../snapshots';
import { SnapshotStatusBadge } from './SnapshotStatusBadge';

interface SnapshotPreviewFiguresProps {
  figures: PreviewFigures;
  status: string;
  /** YYYY-MM-DD, to say why the status is what it is; null when unknown. */
  reportingDeadline: string | null;
}

/** What a publication would freeze: its status, the headline counts and every case's actions. */
export function SnapshotPreviewFigures({ figures, status, reportingDeadline }: SnapshotPreviewFiguresProps) {
  const deadline = reportingDeadline ? formatDate(reportingDeadline) : null;
  const counts = [
    { label: 'Total actions', value: figures.totals.actions },
    { label: 'Reports', value: figures.totals.reports },
    { label: 'Groups', value: figures.totals.groups },
    { label: 'Countries', value: figures.totals.countries },
  ];
  return (
    <div className="preview-figures">
      <p className="preview-figures__status">
        Status it would get: <SnapshotStatusBadge status={status} />{' '}
        <span>
          {status === 'FINAL'
            ? `The reporting deadline${deadline ? ` (${deadline})` : ''} has passed.`
            : `Reports are due until ${deadline ?? 'the deadline'}: a later snapshot may show more.`}
        </span>
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
        <div className="figure-table__scroll" role="region" aria-label="Actions by case" tabIndex={0}>
          <table className="figure-table">
            <caption>Actions by case</caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Actions</th>
                <th scope="col">Reports</th>
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
        <p className="muted">This campaign has no cases yet.</p>
      )}
      {figures.namedGroups ? (
        <details className="preview-figures__groups">
          <summary>
            The {formatCount(figures.namedGroups.length)} groups the public page would name
          </summary>
          <ol>
            {figures.namedGroups.map((group, index) => (
              <li key={index}>
                {group.name || 'Unnamed group'}:{' '}
                {group.actions === null ? `fewer than ${formatCount(figures.suppressBelow)}` : formatCount(group.actions)} actions
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
