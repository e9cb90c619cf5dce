import { graphql } from '../../gql';

// The page's documents; types come from schema.graphql (`npm run codegen`).

/** What a list shows of each group. */
export const GROUP_LIST_FIELDS = graphql(`
  fragment GroupListFields on Group {
    id
    ref
    name
    type
    country
    subdivision
  }
`);

/** One page of the ranking, and every action under the same filters (for each group's share). */
export const GROUP_RANKING_QUERY = graphql(`
  query GroupRankingPage($filter: ImpactFilter!, $search: String, $first: Int!, $after: String) {
    impact(filter: $filter) {
      totalActions
    }
    groupRanking(filter: $filter, search: $search, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          rank
          actions
          reports
          group {
            ...GroupListFields
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Groups that reported last campaign and not yet in this one, biggest first. */
export const GROUPS_NOT_REPORTED_QUERY = graphql(`
  query GroupsNotReported(
    $year: Int!
    $regions: [String!]
    $countries: [String!]
    $subdivisions: [String!]
    $groupTypes: [GroupType!]
    $first: Int!
  ) {
    notYetReported(
      year: $year
      regions: $regions
      countries: $countries
      subdivisions: $subdivisions
      groupTypes: $groupTypes
      first: $first
    ) {
      totalCount
      edges {
        cursor
        node {
          lastYearActions
          lastYearReports
          lastReportedAt
          group {
            ...GroupListFields
          }
        }
      }
    }
  }
`);

/** One group, its figures per campaign, and this campaign's by case and action type under the filters. */
export const GROUP_DETAIL_QUERY = graphql(`
  query GroupDetail($id: ID!, $filter: ImpactFilter!) {
    group(id: $id) {
      id
      ref
      name
      type
      country
      region
      subdivision
      years {
        year
        actions
        reports
        firstReportedAt
        lastReportedAt
      }
    }
    impact(filter: $filter) {
      totalActions
      reportCount
      byCase {
        actions
        reports
        case {
          id
          name
        }
      }
      byActionType {
        key
        actions
        reports
      }
    }
  }
`);
