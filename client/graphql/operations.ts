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

// Impact snapshots: frozen, published figures (staff and admins; the public page is the server's).

/** `DateTime` scalar: ISO 8601 at UTC. */
export type DateTimeString = string;

/** "PROVISIONAL" (published before the reporting deadline) or "FINAL"; a string in the schema. */
export type SnapshotStatus = string;

export interface SnapshotSummary {
  __typename?: 'Snapshot';
  slug: string;
  year: number;
  title: string;
  status: SnapshotStatus;
  /** SHA-256 (hex) of the canonical JSON of the content. */
  checksum: string;
  publishedAt: DateTimeString;
  asOf: DateTimeString;
  /** The public page, e.g. /s/w4r-2025-final; its downloads add .json and .csv. */
  url: string;
  replacedBy: { __typename?: 'Snapshot'; slug: string; title: string; url: string } | null;
}

/** What the snapshots table shows of each; the content (every figure) stays on the server. */
export const SNAPSHOT_SUMMARY_FRAGMENT = gql`
  fragment SnapshotSummary on Snapshot {
    slug
    year
    title
    status
    checksum
    publishedAt
    asOf
    url
    replacedBy {
      slug
      title
      url
    }
  }
`;

export const SNAPSHOTS_QUERY: TypedDocumentNode<{ snapshots: SnapshotSummary[] }, Record<string, never>> = gql`
  query Snapshots {
    snapshots {
      ...SnapshotSummary
    }
  }
  ${SNAPSHOT_SUMMARY_FRAGMENT}
`;

export interface PublishSnapshotInput {
  year: number;
  title: string;
  note?: string | null;
  /** Figures below this for subdivisions and groups show as "< N" (server default 10). */
  suppressBelow?: number | null;
  includeGroupNames?: boolean | null;
  /** Replace the FINAL snapshot of the same scope (it stays readable). */
  replace?: boolean | null;
}

export interface SnapshotPreviewData {
  previewSnapshot: {
    __typename?: 'SnapshotPreview';
    status: SnapshotStatus;
    /** JSONObject: every figure that would be frozen; read it with readPreviewFigures. */
    content: Record<string, unknown>;
  };
}

export const PREVIEW_SNAPSHOT_QUERY: TypedDocumentNode<SnapshotPreviewData, { input: PublishSnapshotInput }> = gql`
  query PreviewSnapshot($input: PublishSnapshotInput!) {
    previewSnapshot(input: $input) {
      status
      content
    }
  }
`;

export interface PublishSnapshotData {
  publishSnapshot: SnapshotSummary & {
    /** The snapshot this one replaced: the list marks it as replaced without asking again. */
    replaces: { __typename?: 'Snapshot'; slug: string } | null;
  };
}

export const PUBLISH_SNAPSHOT_MUTATION: TypedDocumentNode<PublishSnapshotData, { input: PublishSnapshotInput }> = gql`
  mutation PublishSnapshot($input: PublishSnapshotInput!) {
    publishSnapshot(input: $input) {
      ...SnapshotSummary
      replaces {
        slug
      }
    }
  }
  ${SNAPSHOT_SUMMARY_FRAGMENT}
`;

export interface FigureChange {
  __typename?: 'FigureChange';
  key: string;
  label: string;
  before: number;
  after: number;
  change: number;
}

export interface SnapshotDiffData {
  snapshotDiff: {
    __typename?: 'SnapshotDiff';
    totalBefore: number;
    totalAfter: number;
    byCase: FigureChange[];
    byCountry: FigureChange[];
  };
}

export interface SnapshotDiffVariables {
  slug: string;
  /** Another snapshot's slug; null compares with the live data. */
  against: string | null;
}

export const SNAPSHOT_DIFF_QUERY: TypedDocumentNode<SnapshotDiffData, SnapshotDiffVariables> = gql`
  query SnapshotDiff($slug: String!, $against: String) {
    snapshotDiff(slug: $slug, against: $against) {
      totalBefore
      totalAfter
      byCase {
        key
        label
        before
        after
        change
      }
      byCountry {
        key
        label
        before
        after
        change
      }
    }
  }
`;
