import { graphql } from '../gql';
import type {
  CampaignsQuery,
  DemoAccountsQuery,
  PublishSnapshotInput as GeneratedPublishSnapshotInput,
  SnapshotDiffQuery,
  SnapshotSummaryFragment,
} from '../gql/graphql';

// Documents shared by more than one page. Their types are generated from schema.graphql
// (`npm run codegen`, client/gql/); the names below are the shapes components take.

export type CampaignSummary = CampaignsQuery['campaigns'][number];
export type DemoAccount = DemoAccountsQuery['demoAccounts'][number];
export type SnapshotSummary = SnapshotSummaryFragment;
export type PublishSnapshotInput = GeneratedPublishSnapshotInput;
export type FigureChange = SnapshotDiffQuery['snapshotDiff']['byCase'][number];
export type { SnapshotDiffQueryVariables as SnapshotDiffVariables } from '../gql/graphql';

export const CAMPAIGNS_QUERY = graphql(`
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
`);

// Signing in. The session is an httpOnly cookie: the client never sees it, only `me`.

export const ME_QUERY = graphql(`
  query Me {
    me {
      id
      email
      role
      regions
    }
  }
`);

export const LOGIN_MUTATION = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      id
      email
      role
      regions
    }
  }
`);

export const LOGOUT_MUTATION = graphql(`
  mutation Logout {
    logout
  }
`);

export const DEMO_ACCOUNTS_QUERY = graphql(`
  query DemoAccounts {
    demoAccounts {
      email
      password
      role
      regions
    }
  }
`);

// Impact snapshots: frozen, published figures (staff and admins; the public page is the server's).

/** What the snapshots table shows of each; the content (every figure) stays on the server. */
export const SNAPSHOT_SUMMARY_FRAGMENT = graphql(`
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
`);

export const SNAPSHOTS_QUERY = graphql(`
  query Snapshots {
    snapshots {
      ...SnapshotSummary
    }
  }
`);

export const PREVIEW_SNAPSHOT_QUERY = graphql(`
  query PreviewSnapshot($input: PublishSnapshotInput!) {
    previewSnapshot(input: $input) {
      status
      content
    }
  }
`);

export const PUBLISH_SNAPSHOT_MUTATION = graphql(`
  mutation PublishSnapshot($input: PublishSnapshotInput!) {
    publishSnapshot(input: $input) {
      ...SnapshotSummary
      replaces {
        slug
      }
    }
  }
`);

export const SNAPSHOT_DIFF_QUERY = graphql(`
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
`);
