import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { PublishSnapshotForm } from '../components/PublishSnapshotForm';
import { SnapshotDiffSection } from '../components/SnapshotDiffSection';
import { SnapshotTable } from '../components/SnapshotTable';
import { EmptyState, ErrorState } from '../components/StatusMessage';
import { CAMPAIGNS_QUERY, SNAPSHOTS_QUERY } from '../graphql/operations';
import './snapshots.css';

const APP_TITLE = 'Write for Rights Impact';

/**
 * Impact snapshots, for staff and admins: what has been published, publishing a new one (preview
 * first), and what changed since. The public page of each is the server's own (/s/<slug>).
 */
export function SnapshotsPage() {
  // Someone else may have published since this page was last open: show the cache, then check.
  const snapshots = useQuery(SNAPSHOTS_QUERY, { fetchPolicy: 'cache-and-network' });
  const campaigns = useQuery(CAMPAIGNS_QUERY);
  const list = snapshots.data?.snapshots;
  const [chosenSlug, setChosenSlug] = useState<string | null>(null);
  const compareSlug = list?.some((s) => s.slug === chosenSlug) ? chosenSlug : (list?.[0]?.slug ?? null);

  useEffect(() => {
    document.title = `Impact snapshots · ${APP_TITLE}`;
  }, []);

  return (
    <>
      <header className="page-intro">
        <h1>Impact snapshots</h1>
        <p>
          Frozen figures of a campaign for the public: a page, its JSON and CSV, each with a SHA-256 checksum. A
          provisional snapshot is published before the reporting deadline, a final one after it.
        </p>
      </header>

      <section className="card snap-card" aria-labelledby="snapshot-list-title" aria-busy={!list && !snapshots.error}>
        <h2 id="snapshot-list-title">Published snapshots</h2>
        {snapshots.error && !list ? (
          <ErrorState
            title="The snapshots could not be loaded"
            error={snapshots.error}
            retrying={snapshots.loading}
            onRetry={() => void snapshots.refetch().catch(() => undefined)}
          />
        ) : !list ? (
          <div className="snapshot-list-skeleton">
            <p className="visually-hidden" role="status">
              Loading the snapshots…
            </p>
            <div className="skeleton skeleton--line" aria-hidden="true" />
            <div className="skeleton skeleton--line" aria-hidden="true" />
            <div className="skeleton skeleton--line" aria-hidden="true" />
          </div>
        ) : list.length === 0 ? (
          <EmptyState title="No snapshot published yet">
            <p>Preview and publish the first one below: its public page and downloads will be listed here.</p>
          </EmptyState>
        ) : (
          <div className="snapshot-list">
            <SnapshotTable snapshots={list} />
          </div>
        )}
      </section>

      {campaigns.error && !campaigns.data ? (
        <ErrorState
          title="The campaigns could not be loaded, so nothing can be published"
          error={campaigns.error}
          retrying={campaigns.loading}
          onRetry={() => void campaigns.refetch().catch(() => undefined)}
        />
      ) : (
        <PublishSnapshotForm campaigns={campaigns.data?.campaigns} onPublished={(s) => setChosenSlug(s.slug)} />
      )}

      {list && list.length > 0 && compareSlug ? (
        <SnapshotDiffSection snapshots={list} slug={compareSlug} onSlugChange={setChosenSlug} />
      ) : null}
    </>
  );
}
