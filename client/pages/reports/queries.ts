import { graphql } from '../../gql';
import type { ReportsRowFragment } from '../../gql/graphql';

// The Reports page's own documents (staff and admins).

export type RecentReport = ReportsRowFragment;

export const RECENT_REPORTS_QUERY = graphql(`
  query ReportsRecent($first: Int!, $after: String, $search: String) {
    recentReports(first: $first, after: $after, search: $search) {
      edges {
        cursor
        node {
          ...ReportsRow
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const REPORT_ROW_FRAGMENT = graphql(`
  fragment ReportsRow on LetterReport {
    id
    reportId
    year
    count
    actionType
    writtenOn
    reportedAt
    createdAt
    country
    region
    subdivision
    groupType
    status
    statusReason
    statusChangedAt
    case {
      id
      slug
      name
    }
    group {
      id
      ref
      name
      type
    }
    supersededBy {
      id
      reportId
    }
  }
`);

export const IMPORT_HISTORY_QUERY = graphql(`
  query ReportsImportHistory($first: Int!) {
    imports(first: $first) {
      id
      filename
      createdAt
      finishedAt
      status
      rowsRead
      rowsImported
      rowsDuplicate
      rowsRejected
      createdBy {
        id
        email
      }
    }
  }
`);

export const CAMPAIGN_CASES_QUERY = graphql(`
  query ReportsCampaignCases($year: Int!) {
    campaign(year: $year) {
      year
      cases {
        id
        slug
        name
      }
    }
  }
`);

export const RETRACT_REPORT_MUTATION = graphql(`
  mutation ReportsRetract($id: ID!, $reason: String!) {
    retractReport(id: $id, reason: $reason) {
      ...ReportsRow
    }
  }
`);

export const CORRECT_REPORT_MUTATION = graphql(`
  mutation ReportsCorrect($id: ID!, $input: ReportInput!, $reason: String!) {
    correctReport(id: $id, input: $input, reason: $reason) {
      ...ReportsRow
    }
  }
`);
