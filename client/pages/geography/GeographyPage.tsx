import { skipToken, useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { ChartCard } from '../../components/ChartCard';
import { LoadingState } from '../../components/LoadingState';
import { NoCampaignState } from '../../components/NoCampaignState';
import { QueryError } from '../../components/QueryError';
import { EmptyState } from '../../components/StatusMessage';
import { toImpactFilter } from '../../filters/filter-params';
import { useCampaign } from '../../filters/use-filters';
import { countryName, formatCount, regionName } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import { commonMessages } from '../../i18n/common.messages';
import { useDocumentTitle } from '../../use-document-title';
import { AreaTable, formatShare } from './AreaTable';
import { Breadcrumbs } from './Breadcrumbs';
import { withShares, type ShareRow } from './drill-down';
import { geographyMessages } from './messages';
import { GEOGRAPHY_QUERY } from './queries';
import { WorldMap } from './WorldMap';
import './geography.css';
import { PageIntro } from '../../components/PageIntro';

/** Where the writers are: a map of actions by country, and tables from the world down to a subdivision. */
export function GeographyPage() {
  const { t } = useMessages('geography', geographyMessages);
  const common = useMessages('common', commonMessages);
  const { campaign, filters, result: campaigns } = useCampaign();
  const year = campaign?.year;
  const figures = useQuery(
    GEOGRAPHY_QUERY,
    year
      ? {
          variables: {
            world: toImpactFilter(filters, year, ['region', 'country', 'subdivision']),
            region: toImpactFilter(filters, year, ['country', 'subdivision']),
            country: toImpactFilter(filters, year, ['subdivision']),
            // The region a country belongs to, whatever else is filtered, for the breadcrumbs.
            place: { year, countries: filters.country ? [filters.country] : [] },
            withCountry: filters.country !== null,
          },
        }
      : skipToken,
  );

  useDocumentTitle([t('title')]);

  if (campaigns.error || (campaigns.data && !campaign)) {
    return (
      <Page>
        <NoCampaignState result={campaigns} detail={t('state.noCampaignDetail')} />
      </Page>
    );
  }
  // A refetch (new filters, a live update) keeps the figures on screen until the new ones arrive.
  const data = figures.data ?? figures.previousData;
  if (!campaign || !data) {
    if (figures.error) {
      return (
        <Page>
          <QueryError title={t('state.failed')} result={figures} />
        </Page>
      );
    }
    return <GeographySkeleton />;
  }

  const regions = withShares(data.world.byRegion);
  const countries = withShares(data.region.byCountry);
  const subdivisions = withShares(data.country?.bySubdivision ?? []);
  const regionOfCountry = data.place?.byRegion[0]?.key ?? null;
  const area = filters.region ? regionName(filters.region) : t('countries.world');
  const countryLabel = filters.country ? countryName(filters.country) : '';
  const byName = (row: ShareRow) => countryName(row.key);

  return (
    <Page campaignName={campaign.name}>
      <Breadcrumbs filters={filters} regionOfCountry={regionOfCountry} />
      <QueryError title={t('state.failed')} result={figures} />
      {countries.total === 0 ? (
        <EmptyState title={t('state.empty')}>
          <p>{t('state.emptyDetail', { campaign: campaign.name })}</p>
        </EmptyState>
      ) : (
        <ChartCard
          title={t('map.title')}
          summary={t(filters.region ? 'map.summaryArea' : 'map.summaryWorld', {
            count: countries.rows.length,
            area: filters.region && regionName(filters.region),
            total: formatCount(countries.total),
            top: byName(countries.rows[0]),
            topActions: formatCount(countries.rows[0].actions),
          })}
          table={{
            columns: [
              { label: t('col.country'), value: byName },
              { label: t('col.actions'), value: (row) => row.actions, render: (row) => formatCount(row.actions), numeric: true },
              { label: t('col.share'), value: (row) => Number(row.share.toFixed(4)), render: (row) => formatShare(row.share), numeric: true },
            ],
            rows: countries.rows,
            rowKey: (row) => row.key,
          }}
        >
          <WorldMap
            totals={countries.rows}
            selected={filters.country}
            zoomed={filters.region !== null || regions.rows.length === 1}
          />
        </ChartCard>
      )}
      {/* The level just opened comes first, right under the map (on a phone, the tables above it are long). */}
      {filters.country && subdivisions.rows.length > 0 ? (
        subdivisions.rows.every((row) => row.key === '') ? (
          <p className="card">{t('subdivisions.noneGiven', { country: countryLabel })}</p>
        ) : (
          <AreaTable
            title={t('subdivisions.title', { country: countryLabel })}
            caption={t('subdivisions.caption', { country: countryLabel, campaign: campaign.name })}
            areaLabel={t('col.subdivision')}
            rows={subdivisions.rows}
            nameOf={(row) => (row.key === '' ? common.t('filters.notGiven') : row.key)}
            changeOf={(row) => (row.key === '' ? null : { subdivision: row.key })}
            selected={filters.subdivision}
          />
        )
      ) : null}
      <div className="page-grid">
        {regions.rows.length > 0 ? (
          <AreaTable
            title={t('regions.title')}
            caption={t('regions.caption', { campaign: campaign.name })}
            areaLabel={t('col.region')}
            rows={regions.rows}
            nameOf={(row) => regionName(row.label)}
            changeOf={(row) => ({ region: row.key })}
            selected={filters.region}
          />
        ) : null}
        {countries.rows.length > 0 ? (
          <AreaTable
            title={t('countries.title')}
            caption={t('countries.caption', { area, campaign: campaign.name })}
            areaLabel={t('col.country')}
            rows={countries.rows}
            nameOf={byName}
            changeOf={(row) => ({ country: row.key })}
            selected={filters.country}
          />
        ) : null}
      </div>
    </Page>
  );
}

/** The page's heading and introduction around its content. */
function Page({ campaignName, children }: { campaignName?: string; children: ReactNode }) {
  const { t } = useMessages('geography', geographyMessages);
  return (
    <div className="geo-page">
      <PageIntro title={t('title')} intro={campaignName ? t('intro', { campaign: campaignName }) : null} />
      {children}
    </div>
  );
}

function GeographySkeleton() {
  const { t } = useMessages('geography', geographyMessages);
  return (
    <LoadingState label={t('state.loading')} heading={<h1>{t('title')}</h1>} className="page-skeleton">
      <div className="card" aria-hidden="true">
        <div className="skeleton skeleton--line" />
        <div className="skeleton geo-skeleton__map" />
      </div>
      <div className="page-grid" aria-hidden="true">
        <div className="card">
          <div className="skeleton skeleton--line" />
          <div className="skeleton geo-skeleton__table" />
        </div>
        <div className="card">
          <div className="skeleton skeleton--line" />
          <div className="skeleton geo-skeleton__table" />
        </div>
      </div>
    </LoadingState>
  );
}
