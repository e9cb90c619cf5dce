import { activeFilterCount, type Filters } from '../../filters/filter-params';
import { graphql } from '../../gql';
import type { OverviewFiguresQuery } from '../../gql/graphql';

/** The campaign's figures under the filters: totals, breakdowns, the daily series, progress. */
export const OVERVIEW_FIGURES_QUERY = graphql(`
  query OverviewFigures($year: Int!, $filter: ImpactFilter!, $withGoal: Boolean!) {
    campaign(year: $year) {
      year
      cases {
        id
        name
        outcomes {
          date
          kind
          positive
        }
      }
      # Unfiltered: the goal is the whole campaign's. Its day (asOf, campaignDay) is also the day the
      # headline compares with last year. A coordinator's answer holds their regions only.
      progress {
        asOf
        campaignDay
        final
        # the headline's percentages: this campaign under the filters against the previous one by the
        # same day, computed by the server (the previous one's figures: OverviewSameDayLastYear)
        sameDayLastYear(filter: $filter) {
          change {
            totalActions
            reportCount
            groupCount
            countryCount
          }
        }
        # Only where the goal shows: the whole campaign's figures change with every report anywhere,
        # and would take the cached answer of a region's or a country's overview with them.
        ... @include(if: $withGoal) {
          totalActions
          goal
          goalShare
          expectedShareByNow
          onPaceForGoal
          forecast {
            expected
            low
            high
            basedOnYears
          }
        }
      }
    }
    impact(filter: $filter) {
      totalActions
      reportCount
      groupCount
      countryCount
      byActionType {
        key
        label
        actions
        reports
      }
      byRegion {
        key
        label
        actions
        reports
      }
      byCase {
        actions
        reports
        case {
          id
          name
          outcomes {
            date
            kind
            positive
          }
        }
      }
      daily {
        date
        actions
        cumulative
      }
    }
  }
`);

/** The previous campaign's counters by the same campaign day, under the same filters. */
export const OVERVIEW_SAME_DAY_QUERY = graphql(`
  query OverviewSameDayLastYear($year: Int!, $filter: ImpactFilter!) {
    campaign(year: $year) {
      year
      progress {
        sameDayLastYear(filter: $filter) {
          year
          campaignDay
          date
          figures {
            totalActions
            reportCount
            groupCount
            countryCount
          }
        }
      }
    }
  }
`);

/**
 * Decision: the goal is the campaign's global goal. Measured against it, a region's (or one case's,
 * one action type's, a date range's) total misleads: it is not meant to reach it. So goal progress
 * shows only for the whole campaign, with no filter on and not for a coordinator (whose figures are
 * always their own regions). Filtered views are compared with the same day last year instead.
 */
export function showsGoal(role: string | undefined, filters: Filters): boolean {
  return role !== undefined && role !== 'coordinator' && activeFilterCount(filters) === 0;
}

export type OverviewFigures = OverviewFiguresQuery;
export type OverviewImpact = OverviewFiguresQuery['impact'];
export type OverviewProgress = NonNullable<OverviewFiguresQuery['campaign']>['progress'];
/** The progress with the goal's figures, which only an overview that shows the goal asks for. */
export type OverviewGoal = Required<OverviewProgress>;
export const hasGoalFigures = (progress: OverviewProgress): progress is OverviewGoal => progress.totalActions !== undefined;
export type OverviewCase = NonNullable<OverviewFiguresQuery['campaign']>['cases'][number];
