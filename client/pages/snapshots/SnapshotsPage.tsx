import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { PublishSnapshotForm } from './PublishSnapshotForm';
import { QueryError } from '../../components/QueryError';
import { SnapshotDiffSection } from './SnapshotDiffSection';
import { SnapshotTable } from './SnapshotTable';
import { EmptyState } from '../../components/StatusMessage';
import { TableSkeleton } from '../../components/TableSkeleton';
import { CAMPAIGNS_QUERY } from '../../graphql/operations';
import { SNAPSHOTS_QUERY } from './queries';
import { useMessages } from '../../i18n/use-messages';
import { useDocumentTitle } from '../../use-document-title';
import { snapshotsMessages } from './messages';
import './snapshots.css';
import { PageIntro } from '../../components/PageIntro';

/**
 * Impact snapshots, for staff and admins: what has been published, publishing a new one (preview
 * first), and what changed since. The public page of each is the server's own (/s/<slug>).
 */
export function SnapshotsPage() {
  const { t } = useMessages('snapshots', snapshotsMessages);
  // Someone else may have published since this page was last open: show the cache, then check.
  const snapshots = useQuery(SNAPSHOTS_QUERY, { fetchPolicy: 'cache-and-network' });
  const campaigns = useQuery(CAMPAIGNS_QUERY);
  const list = snapshots.data?.snapshots;
  const [chosenSlug, setChosenSlug] = useState<string | null>(null);
  const compareSlug = list?.some((s) => s.slug === chosenSlug) ? chosenSlug : (list?.[0]?.slug ?? null);

  useDocumentTitle([t('title')]);

  return (
    <>
      <PageIntro title={t('title')} intro={t('intro')} />

      <section className="card snap-card" aria-labelledby="snapshot-list-title" aria-busy={!list && !snapshots.error}>
        <h2 id="snapshot-list-title">{t('list.title')}</h2>
        {snapshots.error && !list ? (
          <QueryError title={t('list.failed')} result={snapshots} />
        ) : !list ? (
          <TableSkeleton label={t('list.loading')} />
        ) : list.length === 0 ? (
          <EmptyState title={t('list.empty')}>
            <p>{t('list.emptyHint')}</p>
          </EmptyState>
        ) : (
          <div className="snapshot-list">
            <SnapshotTable snapshots={list} />
          </div>
        )}
      </section>

      {campaigns.error && !campaigns.data ? (
        <QueryError title={t('list.campaignsFailed')} result={campaigns} />
      ) : (
        <PublishSnapshotForm campaigns={campaigns.data?.campaigns} onPublished={(s) => setChosenSlug(s.slug)} />
      )}

      {list && list.length > 0 && compareSlug ? (
        <SnapshotDiffSection snapshots={list} slug={compareSlug} onSlugChange={setChosenSlug} />
      ) : null}
    </>
  );
}
