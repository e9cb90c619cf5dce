import { formatDateTime } from '../format';
import type { SnapshotSummary } from '../graphql/operations';
import { downloadUrls, shortChecksum } from '../snapshots';
import { CopyButton } from './CopyButton';
import { SnapshotStatusBadge } from './SnapshotStatusBadge';

interface SnapshotTableProps {
  snapshots: readonly SnapshotSummary[];
}

/**
 * Every published snapshot, newest first, with its public page and downloads. On a phone each row
 * becomes a card whose cells carry their column's name (data-label).
 */
export function SnapshotTable({ snapshots }: SnapshotTableProps) {
  return (
    <table className="snapshot-table">
      <caption className="visually-hidden">Published snapshots, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Year</th>
          <th scope="col">Status</th>
          <th scope="col">Published</th>
          <th scope="col">Checksum</th>
          <th scope="col">Replaced by</th>
          <th scope="col">Public page and downloads</th>
        </tr>
      </thead>
      <tbody>
        {snapshots.map((snapshot) => {
          const downloads = downloadUrls(snapshot.url);
          return (
            <tr key={snapshot.slug} className={snapshot.replacedBy ? 'is-replaced' : undefined}>
              <th scope="row" className="snapshot-table__name">
                <span className="snapshot-table__title">{snapshot.title}</span>
                <span className="snapshot-table__slug">{snapshot.slug}</span>
              </th>
              <td data-label="Year">{snapshot.year}</td>
              <td data-label="Status">
                <SnapshotStatusBadge status={snapshot.status} />
              </td>
              <td data-label="Published">
                <time dateTime={snapshot.publishedAt}>{formatDateTime(snapshot.publishedAt)}</time>
              </td>
              <td data-label="Checksum">
                <span className="snapshot-table__checksum">
                  <code title={snapshot.checksum}>{shortChecksum(snapshot.checksum)}</code>
                  <CopyButton text={snapshot.checksum} what={`the checksum of ${snapshot.slug}`} />
                </span>
              </td>
              <td data-label="Replaced by">
                {snapshot.replacedBy ? (
                  <a href={snapshot.replacedBy.url}>{snapshot.replacedBy.slug}</a>
                ) : (
                  <>
                    <span aria-hidden="true">—</span>
                    <span className="visually-hidden">Not replaced</span>
                  </>
                )}
              </td>
              <td data-label="Links">
                <ul className="snapshot-links">
                  <li>
                    <a href={snapshot.url}>
                      Public page<span className="visually-hidden"> of {snapshot.slug}</span>
                    </a>
                  </li>
                  <li>
                    <a href={downloads.json} type="application/json">
                      JSON<span className="visually-hidden"> of {snapshot.slug}</span>
                    </a>
                  </li>
                  <li>
                    <a href={downloads.csv} type="text/csv" download>
                      CSV<span className="visually-hidden"> of {snapshot.slug}</span>
                    </a>
                  </li>
                </ul>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
