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

// Signing in. The session is an httpOnly cookie: the client never sees it, only `me`.

export interface SessionUserData {
  __typename?: 'User';
  id: string;
  email: string;
  role: string;
  regions: string[];
}

export interface MeQueryData {
  me: SessionUserData | null;
}

export const ME_QUERY: TypedDocumentNode<MeQueryData, Record<string, never>> = gql`
  query Me {
    me {
      id
      email
      role
      regions
    }
  }
`;

export interface LoginMutationData {
  login: SessionUserData;
}

export interface LoginMutationVariables {
  email: string;
  password: string;
}

export const LOGIN_MUTATION: TypedDocumentNode<LoginMutationData, LoginMutationVariables> = gql`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      id
      email
      role
      regions
    }
  }
`;

export const LOGOUT_MUTATION: TypedDocumentNode<{ logout: boolean }, Record<string, never>> = gql`
  mutation Logout {
    logout
  }
`;

export interface DemoAccount {
  __typename?: 'DemoAccount';
  email: string;
  password: string;
  role: string;
  regions: string[];
}

export const DEMO_ACCOUNTS_QUERY: TypedDocumentNode<{ demoAccounts: DemoAccount[] }, Record<string, never>> = gql`
  query DemoAccounts {
    demoAccounts {
      email
      password
      role
      regions
    }
  }
`;
