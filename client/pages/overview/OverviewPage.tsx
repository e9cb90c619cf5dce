import { skipToken, useQuery } from '@apollo/client/react';
import { memo, useDeferredValue } from 'react';
import { NoCampaignState } from '../../components/NoCampaignState';
import { QueryError } from '../../components/QueryError';
import { EmptyState } from '../../components/StatusMessage';
import { addDays } from '../../dates';
import { activeFilterCount, toImpactFilter } from '../../filters/filter-params';
import { useCampaign } from '../../filters/use-filters';
import { useMessages } from '../../i18n/use-messages';
import { useSessionUser } from '../../session-user';
import { useDocumentTitle } from '../../use-document-title';
import { Breakdowns } from './Breakdowns';
import { CumulativeCard } from './CumulativeCard';
import { DailyCard } from './DailyCard';
import { GoalProgress } from './GoalProgress';
import { Headline, type Comparison } from './Headline';
import { OverviewSkeleton, PageTitle } from './OverviewSkeleton';
import { SAME_DAY_QUERY } from '../../years/same-day-query';
import { YEAR_CURVES_QUERY } from '../../years/year-curves-query';
import { hasGoalFigures, OVERVIEW_FIGURES_QUERY, OVERVIEW_SAME_DAY_QUERY, showsGoal } from './queries';
import { overviewMessages } from './messages';
import { useComparedYears } from './use-compared-years';
import './overview.css';

/** One campaign under the shared filters: counters against last year, goal, curves and breakdowns. */
export function OverviewPage() {
  // Drawing the figures is most of the page's main-thread work. It is drawn from a deferred copy of
  // what the queries hold, as a transition: React draws it in slices of a few milliseconds with the
  // browser free in between (a phone's main thread is not blocked for long), and an answer arriving
  // re-renders only this component at once. Nothing is shown half-drawn: a transition commits whole.
  const shown = useDeferredValue(useOverviewQueries());
  return <OverviewView {...shown} />;
}

/** What the page asks for, and what follows from it. */
function useOverviewQueries() {
  const { campaigns, campaign, filters, result: campaignsResult } = useCampaign();
  const role = useSessionUser()?.role;
  const year = campaign?.year;
  const filter = year ? toImpactFilter(filters, year) : null;

  const showGoal = showsGoal(role, filters);
  const figures = useQuery(OVERVIEW_FIGURES_QUERY, year && filter ? { variables: { year, filter, withGoal: showGoal } } : skipToken);
  // While a refetch runs (a live update, another filter) the previous figures stay: no flicker.
  const data = figures.data ?? figures.previousData;

  const pastYears = campaignsResult.data && year ? campaigns.map((c) => c.year).filter((y) => y < year).sort((a, b) => b - a) : null;
  const [compared, choose] = useComparedYears(pastYears);
  const curves = useQuery(
    YEAR_CURVES_QUERY,
    year && filter ? { variables: { years: [year, ...compared], filter, align: 'CAMPAIGN_DAY' } } : skipToken,
  );
  const series = (curves.data ?? curves.previousData)?.yearComparison;
  // the chart's "versus" figures, computed by the server at the year's last day with data
  const curvesCompared = useQuery(
    SAME_DAY_QUERY,
    year && filter ? { variables: { baseYear: year, years: compared, day: null, filter, align: 'CAMPAIGN_DAY' } } : skipToken,
  );
  const curvesComparison = (curvesCompared.data ?? curvesCompared.previousData)?.sameDayComparison.years ?? null;

  const progress = data?.campaign?.progress;
  const previous = year ? campaigns.find((c) => c.year === year - 1) : undefined;
  const lastYear = useQuery(OVERVIEW_SAME_DAY_QUERY, year && filter && previous ? { variables: { year, filter } } : skipToken);
  const lastYearProgress = (lastYear.data ?? lastYear.previousData)?.campaign?.progress;

  useDocumentTitle(campaign ? [campaign.name] : []);

  return { campaigns, campaign, filters, campaignsResult, role, filter, showGoal, figures, data, curves, series, curvesComparison, pastYears, compared, choose, previous, lastYear, lastYearProgress, progress };
}

const OverviewView = memo(function OverviewView(props: ReturnType<typeof useOverviewQueries>) {
  const { campaign, filters, campaignsResult, role, filter, showGoal, figures, data, curves, series, curvesComparison, pastYears, compared, choose, previous, lastYear, lastYearProgress, progress } = props;
  const { t } = useMessages('overview', overviewMessages);
  if (!campaignsResult.data && !campaignsResult.error) return <OverviewSkeleton />;
  if (!campaign || !filter) {
    return (
      <>
        <PageTitle />
        <NoCampaignState result={campaignsResult} detail={t('noCampaignsDetail')} />
      </>
    );
  }
  if (!data) {
    return figures.error ? (
      <>
        <PageTitle />
        <QueryError title={t('figuresFailed', { year: campaign.year })} result={figures} />
      </>
    ) : (
      <OverviewSkeleton />
    );
  }

  const filtered = activeFilterCount(filters) > 0;
  const sameDay = lastYearProgress?.sameDayLastYear;
  const comparison: Comparison =
    !previous ? { status: 'noPrevious' }
    : sameDay ? { status: 'ready', year: sameDay.year, day: sameDay.campaignDay, date: sameDay.date, counts: sameDay.figures, changes: progress?.sameDayLastYear?.change ?? null }
    : lastYearProgress ? { status: 'case' }
    : lastYear.error ? { status: 'failed' }
    // A stand-in until the server's answer: the same campaign day (a date filter may end it earlier).
    : progress ? { status: 'pending', year: previous.year, day: progress.campaignDay, date: addDays(previous.writingStarts, progress.campaignDay) }
    : { status: 'loading' };

  const empty = data.impact.reportCount === 0;

  return (
    <div className="overview">
      <Headline campaign={campaign} counts={data.impact} comparison={comparison} />
      {progress && showGoal && hasGoalFigures(progress) ? (
        <GoalProgress progress={progress} />
      ) : role ? (
        <p className="overview-goal-note">{t(role === 'coordinator' ? 'goal.coordinator' : 'goal.filtered')}</p>
      ) : null}
      {empty ? (
        <EmptyState title={filtered ? t('emptyFilteredTitle') : t('emptyTitle', { name: campaign.name })}>
          <p>{filtered ? t('emptyFilteredDetail') : t('emptyDetail')}</p>
        </EmptyState>
      ) : (
        <>
          {curves.error && !series ? (
            <QueryError title={t('figuresFailed', { year: campaign.year })} result={curves} />
          ) : series ? (
            <CumulativeCard
              year={campaign.year}
              writingStarts={campaign.writingStarts}
              running={!progress?.final}
              goal={showGoal ? (progress?.goal ?? null) : null}
              cases={data.campaign?.cases ?? []}
              series={series}
              comparison={curvesComparison}
              pastYears={pastYears ?? []}
              chosen={compared}
              onChoose={choose}
            />
          ) : (
            <div className="card skeleton skeleton--chart" aria-hidden="true" />
          )}
          <DailyCard days={data.impact.daily} />
          <Breakdowns impact={data.impact} writingStarts={campaign.writingStarts} />
        </>
      )}
    </div>
  );
});
