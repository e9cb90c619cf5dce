import { graphql } from '../../gql';
import type { OverviewFiguresQuery } from '../../gql/graphql';

/** The campaign's figures under the filters: totals, breakdowns, the daily series, progress. */
export const OVERVIEW_FIGURES_QUERY = graphql(`
  query OverviewFigures($year: Int!, $filter: ImpactFilter!) {
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
        totalActions
        campaignDay
        final
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

export type OverviewFigures = OverviewFiguresQuery;
export type OverviewImpact = OverviewFiguresQuery['impact'];
export type OverviewProgress = NonNullable<OverviewFiguresQuery['campaign']>['progress'];
export type OverviewCase = NonNullable<OverviewFiguresQuery['campaign']>['cases'][number];
