import { gql, type TypedDocumentNode } from '@apollo/client';

// Result types are written by hand for now; they mirror schema.graphql and will be replaced by
// types generated from it (client-preset) without changing the documents.

/** `Date` scalar: a calendar date, YYYY-MM-DD. */
export type DateString = string;

export interface CampaignSummary {
  __typename?: 'Campaign';
  year: number;
  name: string;
  goal: number | null;
  writingStarts: DateString;
  writingEnds: DateString;
  reportingDeadline: DateString;
}

export interface CampaignsQueryData {
  campaigns: CampaignSummary[];
}

export const CAMPAIGNS_QUERY: TypedDocumentNode<CampaignsQueryData, Record<string, never>> = gql`
  query Campaigns {
    campaigns {
      year
      name
      goal
      writingStarts
      writingEnds
      reportingDeadline
    }
  }
`;

export interface ImpactTotals {
  __typename?: 'Impact';
  totalActions: number;
  reportCount: number;
  groupCount: number;
  countryCount: number;
}

export interface SeriesPoint {
  __typename?: 'SeriesPoint';
  /** Days since writingStarts; day 0 is the first day of writing. */
  day: number;
  date: DateString;
  cumulative: number;
}

export interface YearSeries {
  __typename?: 'YearSeries';
  year: number;
  total: number;
  points: SeriesPoint[];
}

export interface OverviewQueryData {
  impact: ImpactTotals;
  yearComparison: YearSeries[];
}

export interface OverviewQueryVariables {
  year: number;
  years: number[];
}

export const OVERVIEW_QUERY: TypedDocumentNode<OverviewQueryData, OverviewQueryVariables> = gql`
  query Overview($year: Int!, $years: [Int!]!) {
    impact(filter: { year: $year }) {
      totalActions
      reportCount
      groupCount
      countryCount
    }
    yearComparison(years: $years, align: CAMPAIGN_DAY) {
      year
      total
      points {
        day
        date
        cumulative
      }
    }
  }
`;
