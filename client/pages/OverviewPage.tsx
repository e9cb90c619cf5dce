import { skipToken, useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { ComparisonSection } from '../components/ComparisonSection';
import { Headline } from '../components/Headline';
import { EmptyState, ErrorState } from '../components/StatusMessage';
import { OVERVIEW_QUERY } from '../graphql/operations';
import { useCampaign } from '../filters/use-filters';

const APP_TITLE = 'Write for Rights Impact';

/** The campaign's headline total against its goal, and this year's curve against the last one. */
export function OverviewPage() {
  const { campaign, result: campaignsResult } = useCampaign();

  const overview = useQuery(
    OVERVIEW_QUERY,
    campaign ? { variables: { year: campaign.year, years: [campaign.year - 1, campaign.year] } } : skipToken,
  );

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
