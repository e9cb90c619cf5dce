import { useQuery } from '@apollo/client/react';
import { ChartCard } from '../../components/ChartCard';
import { QueryError } from '../../components/QueryError';
import { EmptyState } from '../../components/StatusMessage';
import { TableSkeleton } from '../../components/TableSkeleton';
import { activeFilterCount, toImpactFilter, type Filters } from '../../filters/filter-params';
import { countryName, formatCount, formatDate, regionName } from '../../format';
import { commonMessages } from '../../i18n/common.messages';
import { useMessages } from '../../i18n/use-messages';
import { useDocumentTitle } from '../../use-document-title';
import { BackLink } from './BackLink';
import { GroupThisYear } from './GroupThisYear';
import { everyYear, reportSpan, type GroupYearFigures } from './group-years';
import { GroupYearsChart } from './GroupYearsChart';
import { groupsMessages } from './messages';
import { GROUP_DETAIL_QUERY } from './queries';

interface GroupDetailProps {
  id: string;
  campaign: { year: number; name: string };
  campaignYears: readonly number[];
  filters: Filters;
}

const day = (iso: string | null) => (iso ? formatDate(iso.slice(0, 10)) : '');

/** One group: who and where, its actions per campaign, and this campaign's by case and action type. */
export function GroupDetail({ id, campaign, campaignYears, filters }: GroupDetailProps) {
  const { t } = useMessages('groups', groupsMessages);
  const common = useMessages('common', commonMessages);
  const result = useQuery(GROUP_DETAIL_QUERY, {
    variables: { id, filter: { ...toImpactFilter(filters, campaign.year), groupIds: [id] } },
  });
  // Keep the figures of this group on screen while new filters load; never another group's.
  const data = result.data ?? (result.previousData?.group?.id === id ? result.previousData : undefined);
  const group = data?.group;

  useDocumentTitle(group ? [group.name, t('title')] : null);

  if (!data) {
    return (
      <>
        <BackLink />
        <h1 className="visually-hidden">{t('title')}</h1>
        {result.error ? (
          <QueryError title={t('state.groupFailed')} result={result} />
        ) : (
          <div className="card">
            <TableSkeleton label={t('state.loadingGroup')} lines={8} />
          </div>
        )}
      </>
    );
  }
  if (!group) {
    return (
      <>
        <BackLink />
        <h1 className="visually-hidden">{t('title')}</h1>
        <EmptyState title={t('state.noGroup')}>
          <p>{t('state.noGroupDetail')}</p>
        </EmptyState>
      </>
    );
  }

  const years = everyYear(group.years, campaignYears, Math.max(campaign.year, ...group.years.map((y) => y.year)));
  const span = reportSpan(group.years);
  const reported = group.years.length;
  const best = [...group.years].sort((a, b) => b.actions - a.actions || a.year - b.year)[0];
  const place = [group.subdivision, group.country ? countryName(group.country) : null].filter(Boolean).join(', ');

  return (
    <>
      <BackLink />
      <section className="card groups-profile" aria-labelledby="group-name">
        <h1 id="group-name" className="groups-profile__name">
          {group.name}
        </h1>
        <p className="groups-profile__meta">
          {common.t(`groupType.${group.type}`)} · {t('group.ref', { ref: group.ref })}
        </p>
        <dl className="groups-profile__facts">
          <div>
            <dt>{t('group.place')}</dt>
            <dd>{place ? `${place}${group.region ? ` (${regionName(group.region)})` : ''}` : t('group.noPlace')}</dd>
          </div>
          <div>
            <dt>{t('group.thisYear', { campaign: campaign.name })}</dt>
            <dd className="groups-profile__figure">{formatCount(data.impact.totalActions)}</dd>
          </div>
          <div>
            <dt>{t('group.reportsThisYear', { campaign: campaign.name })}</dt>
            <dd className="groups-profile__figure">{formatCount(data.impact.reportCount)}</dd>
          </div>
          <div>
            <dt>{t('group.firstReport')}</dt>
            <dd>{span ? day(span.first) : t('group.never')}</dd>
          </div>
          <div>
            <dt>{t('group.lastReport')}</dt>
            <dd>{span ? day(span.last) : t('group.never')}</dd>
          </div>
        </dl>
        {activeFilterCount(filters) > 0 ? <p className="groups-list__note">{t('thisYear.filtered')}</p> : null}
      </section>
      {best ? (
        <ChartCard
          title={t('years.title')}
          summary={t('years.summary', {
            count: reported,
            name: group.name,
            total: formatCount(group.years.reduce((sum, y) => sum + y.actions, 0)),
            best: best.year,
            bestActions: formatCount(best.actions),
          })}
          table={{
            columns: [
              { label: t('col.year'), value: (row: GroupYearFigures) => row.year },
              { label: t('col.actions'), value: (row) => row.actions, render: (row) => formatCount(row.actions), numeric: true },
              { label: t('col.reports'), value: (row) => row.reports, render: (row) => formatCount(row.reports), numeric: true },
              { label: t('col.firstReport'), value: (row) => row.firstReportedAt?.slice(0, 10) ?? '', render: (row) => day(row.firstReportedAt) },
              { label: t('col.lastReport'), value: (row) => row.lastReportedAt?.slice(0, 10) ?? '', render: (row) => day(row.lastReportedAt) },
            ],
            rows: years,
            rowKey: (row) => String(row.year),
          }}
        >
          <GroupYearsChart rows={years} ariaLabel={`${t('years.chart')} ${group.name}`} actionsLabel={t('col.actions')} />
        </ChartCard>
      ) : (
        <EmptyState title={t('years.title')}>
          <p>{t('years.none')}</p>
        </EmptyState>
      )}
      <GroupThisYear campaign={campaign} impact={data.impact} />
    </>
  );
}
