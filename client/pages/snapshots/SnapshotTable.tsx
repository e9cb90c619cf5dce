import { formatDateTime } from '../../format';
import type { SnapshotSummary } from './queries';
import { useMessages } from '../../i18n/use-messages';
import { snapshotsMessages } from './messages';
import { downloadUrls, shortChecksum } from './snapshot-values';
import { CopyButton } from '../../components/CopyButton';
import { SnapshotStatusBadge } from './SnapshotStatusBadge';

interface SnapshotTableProps {
  snapshots: readonly SnapshotSummary[];
}

/**
 * Every published snapshot, newest first, with its public page and downloads. On a phone each row
 * becomes a card whose cells carry their column's name (data-label).
 */
export function SnapshotTable({ snapshots }: SnapshotTableProps) {
  const { t } = useMessages('snapshots', snapshotsMessages);
  return (
    <table className="snapshot-table">
      <caption className="visually-hidden">{t('list.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('column.title')}</th>
          <th scope="col">{t('column.year')}</th>
          <th scope="col">{t('column.status')}</th>
          <th scope="col">{t('column.published')}</th>
          <th scope="col">{t('column.checksum')}</th>
          <th scope="col">{t('column.replacedBy')}</th>
          <th scope="col">{t('column.links')}</th>
        </tr>
      </thead>
      <tbody>
        {snapshots.map((snapshot) => {
          const downloads = downloadUrls(snapshot.url);
          const ofSlug = <span className="visually-hidden">{t('ofSlug', { slug: snapshot.slug })}</span>;
          return (
            <tr key={snapshot.slug} className={snapshot.replacedBy ? 'is-replaced' : undefined}>
              <th scope="row" className="snapshot-table__name">
                <span className="snapshot-table__title">{snapshot.title}</span>
                <span className="snapshot-table__slug">{snapshot.slug}</span>
              </th>
              <td data-label={t('column.year')}>{snapshot.year}</td>
              <td data-label={t('column.status')}>
                <SnapshotStatusBadge status={snapshot.status} />
              </td>
              <td data-label={t('column.published')}>
                <time dateTime={snapshot.publishedAt}>{formatDateTime(snapshot.publishedAt)}</time>
              </td>
              <td data-label={t('column.checksum')}>
                <span className="snapshot-table__checksum">
                  <code title={snapshot.checksum}>{shortChecksum(snapshot.checksum)}</code>
                  <CopyButton text={snapshot.checksum} what={t('checksumOf', { slug: snapshot.slug })} />
                </span>
              </td>
              <td data-label={t('column.replacedBy')}>
                {snapshot.replacedBy ? (
                  <a href={snapshot.replacedBy.url}>{snapshot.replacedBy.slug}</a>
                ) : (
                  <>
                    <span aria-hidden="true">—</span>
                    <span className="visually-hidden">{t('notReplaced')}</span>
                  </>
                )}
              </td>
              <td data-label={t('column.linksShort')}>
                <ul className="snapshot-links">
                  <li>
                    <a href={snapshot.url}>
                      {t('publicPage')}
                      {ofSlug}
                    </a>
                  </li>
                  <li>
                    <a href={downloads.json} type="application/json">
                      JSON{ofSlug}
                    </a>
                  </li>
                  <li>
                    <a href={downloads.csv} type="text/csv" download>
                      CSV{ofSlug}
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
