import { skipToken, useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { pickCampaign } from '../campaigns';
import { CampaignPicker } from '../components/CampaignPicker';
import { ComparisonSection } from '../components/ComparisonSection';
import { Headline } from '../components/Headline';
import { EmptyState, ErrorState } from '../components/StatusMessage';
import { CAMPAIGNS_QUERY, OVERVIEW_QUERY } from '../graphql/operations';
import { useYearParam } from '../url-state';

const APP_TITLE = 'Write for Rights Impact';

/** The campaign's headline total against its goal, and this year's curve against the last one. */
export function OverviewPage() {
  const [yearParam, setYearParam] = useYearParam();
  const campaignsResult = useQuery(CAMPAIGNS_QUERY);
  const campaigns = campaignsResult.data?.campaigns ?? [];
  const campaign = pickCampaign(campaigns, yearParam);
  const latestYear = pickCampaign(campaigns, null)?.year;

  const overview = useQuery(
    OVERVIEW_QUERY,
    campaign ? { variables: { year: campaign.year, years: [campaign.year - 1, campaign.year] } } : skipToken,
  );

  // A year the URL names but no campaign has means "the latest": drop it so the link says so.
  useEffect(() => {
    if (campaignsResult.data && yearParam !== null && campaign?.year !== yearParam) setYearParam(null);
  }, [campaignsResult.data, yearParam, campaign, setYearParam]);

  useEffect(() => {
    document.title = campaign ? `${campaign.name} · ${APP_TITLE}` : APP_TITLE;
  }, [campaign]);

  if (campaignsResult.error) {
    return (
      <>
        <PageTitle />
        <ErrorState
          title="The campaigns could not be loaded"
          error={campaignsResult.error}
          retrying={campaignsResult.loading}
          onRetry={() => void campaignsResult.refetch().catch(() => undefined)}
        />
      </>
    );
  }
  if (!campaignsResult.data) return <OverviewSkeleton />;
  if (!campaign) {
    return (
      <>
        <PageTitle />
        <EmptyState title="No campaigns yet">
          <p>
            Once a campaign is defined (<code>npm run campaigns -- load FILE.json</code>), its totals and
            curve appear here.
          </p>
        </EmptyState>
      </>
    );
  }

  const data = overview.data;
  return (
    <>
      <Headline
        campaign={campaign}
        impact={data?.impact ?? null}
        loading={overview.loading}
        actions={
          <CampaignPicker
            campaigns={campaigns}
            year={campaign.year}
            onChange={(year) => setYearParam(year === latestYear ? null : year)}
          />
        }
      />
      {overview.error && !data ? (
        <ErrorState
          title={`The figures for ${campaign.year} could not be loaded`}
          error={overview.error}
          retrying={overview.loading}
          onRetry={() => void overview.refetch().catch(() => undefined)}
        />
      ) : (
        <ComparisonSection
          year={campaign.year}
          goal={campaign.goal}
          finished={isPast(campaign.reportingDeadline)}
          series={data?.yearComparison}
        />
      )}
    </>
  );
}

/** Whether a YYYY-MM-DD date is before today (UTC is close enough for a deadline). */
function isPast(date: string): boolean {
  return new Date().toISOString().slice(0, 10) > date;
}

/** The page's h1 while no campaign name can stand in for it. */
function PageTitle() {
  return <h1 className="visually-hidden">Campaign overview</h1>;
}

function OverviewSkeleton() {
  return (
    <div className="overview-skeleton" aria-busy="true">
      <PageTitle />
      <p className="visually-hidden" role="status">
        Loading the campaign…
      </p>
      <div className="headline" aria-hidden="true">
        <div className="skeleton skeleton--title" />
        <div className="skeleton skeleton--line" />
        <div className="skeleton skeleton--total" />
        <div className="skeleton skeleton--bar" />
        <div className="skeleton skeleton--counters" />
      </div>
      <div className="card" aria-hidden="true">
        <div className="skeleton skeleton--line" />
        <div className="chart skeleton skeleton--chart" />
      </div>
    </div>
  );
}
