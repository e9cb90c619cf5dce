import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { DataTable } from '../../components/DataTable';
import { QueryError } from '../../components/QueryError';
import { EmptyState } from '../../components/StatusMessage';
import { TableSkeleton } from '../../components/TableSkeleton';
import { toImpactFilter, type Filters } from '../../filters/filter-params';
import { formatCount, formatPercent } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import { useSearchParam } from '../../url-state';
import { useGroupFactColumns } from './group-fact-columns';
import { GroupLink } from './GroupLink';
import { parseSearch } from './group-params';
import { groupsMessages } from './messages';
import { currentAfter, nextPage, pageIndex, previousPage, shownRange, trailFor, type CursorTrail } from './page-cursors';
import { Pager } from './Pager';
import { GROUP_RANKING_QUERY } from './queries';
import { toRankingRows, type RankingRow } from './ranking-rows';
import { SearchBox } from './SearchBox';

export const RANKING_PAGE_SIZE = 25;

interface RankingListProps {
  campaign: { year: number; name: string };
  filters: Filters;
  /** Kept by the page, so coming back from a group returns to the same page of the list. */
  trail: CursorTrail;
  onTrail: (trail: CursorTrail) => void;
}

/** The groups ranked by actions under the filters, searchable, a page of 25 at a time. */
export function RankingList({ campaign, filters, trail: savedTrail, onTrail }: RankingListProps) {
  const { t } = useMessages('groups', groupsMessages);
  const groupFacts = useGroupFactColumns();
  const [q] = useSearchParam('q');
  const search = parseSearch(q);
  const filter = toImpactFilter(filters, campaign.year);
  const trail = trailFor(savedTrail, JSON.stringify([filter, search]));
  const result = useQuery(GROUP_RANKING_QUERY, {
    variables: { filter, search, first: RANKING_PAGE_SIZE, after: currentAfter(trail) },
  });
  // A refetch (another page, a search, a live update) keeps the rows on screen until the new ones arrive.
  const data = result.data ?? result.previousData;

  let body;
  if (!data) {
    body = result.error ? (
      <QueryError title={t('state.failed')} result={result} />
    ) : (
      <TableSkeleton label={t('state.loading')} lines={8} />
    );
  } else if (data.groupRanking.totalCount === 0 && pageIndex(trail) === 0) {
    body = search ? (
      <EmptyState title={t('ranking.noMatch', { search })}>
        <p>{t('ranking.noMatchDetail')}</p>
      </EmptyState>
    ) : (
      <EmptyState title={t('state.empty')}>
        <p>{t('state.emptyDetail', { campaign: campaign.name })}</p>
      </EmptyState>
    );
  } else {
    const { groupRanking, impact } = data;
    const rows = toRankingRows(groupRanking.edges, impact.totalActions);
    const range = shownRange(trail, RANKING_PAGE_SIZE, rows.length);
    const endCursor = groupRanking.pageInfo.endCursor;
    // Another page or search is "updating"; a live update's refetch changes the figures in place, silently.
    const changing = result.loading && result.networkStatus !== NetworkStatus.refetch;
    body = (
      <>
        <QueryError title={t('state.failed')} result={result} />
        <div className="groups-table" aria-busy={changing}>
          <DataTable
            caption={search ? t('ranking.captionSearch', { search, campaign: campaign.name }) : t('ranking.caption', { campaign: campaign.name })}
            rowHeader={false}
            columns={[
              { label: t('col.rank'), value: (row: RankingRow) => row.rank, render: (row) => formatCount(row.rank), numeric: true },
              { label: t('col.name'), value: (row) => row.name, render: (row) => <GroupLink id={row.id} name={row.name} /> },
              { label: t('col.actions'), value: (row) => row.actions, render: (row) => formatCount(row.actions), numeric: true },
              { label: t('col.reports'), value: (row) => row.reports, render: (row) => formatCount(row.reports), numeric: true },
              { label: t('col.share'), value: (row) => Number(row.share.toFixed(4)), render: (row) => formatPercent(row.share), numeric: true },
              ...groupFacts,
            ]}
            rows={rows}
            rowKey={(row) => row.id}
            part={{ from: range.from, to: range.to, total: groupRanking.totalCount }}
          />
        </div>
        <Pager
          status={
            changing
              ? t('ranking.updating')
              : t('ranking.range', { from: formatCount(range.from), to: formatCount(range.to), total: formatCount(groupRanking.totalCount) })
          }
          onPrevious={pageIndex(trail) > 0 ? () => onTrail(previousPage(trail)) : null}
          onNext={groupRanking.pageInfo.hasNextPage && endCursor ? () => onTrail(nextPage(trail, endCursor)) : null}
        />
      </>
    );
  }

  return (
    <section className="card groups-list" aria-labelledby="groups-ranking-heading">
      <div className="groups-list__head">
        <h2 id="groups-ranking-heading">{t('lists.ranking')}</h2>
        {data ? <p className="groups-list__count">{t('ranking.found', { count: data.groupRanking.totalCount })}</p> : null}
      </div>
      <SearchBox />
      {body}
    </section>
  );
}
