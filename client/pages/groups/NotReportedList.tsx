import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable';
import { QueryError } from '../../components/QueryError';
import { EmptyState } from '../../components/StatusMessage';
import { TableSkeleton } from '../../components/TableSkeleton';
import type { Filters } from '../../filters/filter-params';
import { formatCount, formatDate } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import { useGroupFactColumns } from './group-fact-columns';
import { GroupLink } from './GroupLink';
import { groupsMessages } from './messages';
import { GROUPS_NOT_REPORTED_QUERY } from './queries';

/** Shown at first and added by "show more", up to what the server gives at once. */
const STEP = 50;
const MAX_SHOWN = 200;

interface NotReportedListProps {
  campaign: { year: number; name: string };
  /** Whether last year had a campaign: without one there is nothing to chase. */
  hasPreviousCampaign: boolean;
  filters: Filters;
}

/**
 * Groups that reported last campaign and not yet in this one, biggest first: whom to contact.
 * "Show more" asks for a longer list (one query, so a live update refreshes all of it).
 */
export function NotReportedList({ campaign, hasPreviousCampaign, filters }: NotReportedListProps) {
  const { t } = useMessages('groups', groupsMessages);
  const groupFacts = useGroupFactColumns();
  const year = campaign.year;
  const lastYear = year - 1;
  const list = <T,>(value: T | null) => (value === null ? undefined : [value]);
  const area = {
    year,
    regions: list(filters.region),
    countries: list(filters.country),
    subdivisions: list(filters.subdivision),
    groupTypes: list(filters.groupType),
  };
  // Other filters, another campaign: the list starts again from its first rows.
  const listKey = JSON.stringify(area);
  const [shown, setShown] = useState({ listKey, count: STEP });
  const first = shown.listKey === listKey ? shown.count : STEP;
  const result = useQuery(GROUPS_NOT_REPORTED_QUERY, { variables: { ...area, first }, skip: !hasPreviousCampaign });
  const data = result.data ?? result.previousData;
  const ignored = filters.caseId !== null || filters.actionType !== null || filters.from !== null || filters.to !== null;

  let body;
  if (!hasPreviousCampaign) {
    body = <p>{t('notReported.noPrevious', { lastYear })}</p>;
  } else if (!data) {
    body = result.error ? (
      <QueryError title={t('state.notReportedFailed')} result={result} />
    ) : (
      <TableSkeleton label={t('state.loading')} lines={8} />
    );
  } else if (data.notYetReported.totalCount === 0) {
    body = (
      <EmptyState title={t('notReported.none')}>
        <p>{t('notReported.noneDetail', { year, lastYear })}</p>
      </EmptyState>
    );
  } else {
    const { edges, totalCount } = data.notYetReported;
    const rows = edges.map(({ node: { group, ...lastYear } }) => ({ ...group, ...lastYear }));
    type Row = (typeof rows)[number];
    const more = Math.min(STEP, totalCount - rows.length, MAX_SHOWN - rows.length);
    body = (
      <>
        <QueryError title={t('state.notReportedFailed')} result={result} />
        <div className="groups-table" aria-busy={result.loading && result.networkStatus !== NetworkStatus.refetch}>
          <DataTable
            caption={t('notReported.caption', { year, lastYear })}
            rowHeader={false}
            columns={[
              { label: t('col.name'), value: (row: Row) => row.name, render: (row) => <GroupLink id={row.id} name={row.name} /> },
              {
                label: t('col.lastYearActions', { year: lastYear }),
                value: (row) => row.lastYearActions,
                render: (row) => formatCount(row.lastYearActions),
                numeric: true,
              },
              {
                label: t('col.lastYearReports', { year: lastYear }),
                value: (row) => row.lastYearReports,
                render: (row) => formatCount(row.lastYearReports),
                numeric: true,
              },
              {
                label: t('col.lastReported'),
                value: (row) => row.lastReportedAt.slice(0, 10),
                render: (row) => formatDate(row.lastReportedAt.slice(0, 10)),
                numeric: true,
              },
              ...groupFacts,
            ]}
            rows={rows}
            rowKey={(row) => row.id}
            part={{ from: 1, to: rows.length, total: totalCount }}
          />
        </div>
        <div className="groups-more">
          <p aria-live="polite">{t('notReported.shown', { shown: formatCount(rows.length), total: formatCount(totalCount) })}</p>
          {more > 0 ? (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={result.loading}
              onClick={() => setShown({ listKey, count: first + STEP })}
            >
              {t('notReported.more', { count: more })}
            </button>
          ) : null}
          {rows.length >= MAX_SHOWN && totalCount > rows.length ? <p>{t('notReported.limit', { max: MAX_SHOWN })}</p> : null}
        </div>
      </>
    );
  }

  return (
    <section className="card groups-list" aria-labelledby="groups-not-reported-heading">
      <div className="groups-list__head">
        <h2 id="groups-not-reported-heading">{t('lists.notReported')}</h2>
        {data && hasPreviousCampaign ? <p className="groups-list__count">{t('ranking.found', { count: data.notYetReported.totalCount })}</p> : null}
      </div>
      <p className="groups-list__intro">{t('notReported.intro', { year, lastYear })}</p>
      {ignored ? <p className="groups-list__note">{t('notReported.ignoredFilters')}</p> : null}
      {body}
    </section>
  );
}
