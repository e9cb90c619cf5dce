import { graphql } from '../../gql';
import type {
  PublishSnapshotInput as GeneratedPublishSnapshotInput,
  SnapshotDiffQuery,
  SnapshotSummaryFragment,
} from '../../gql/graphql';

export type SnapshotSummary = SnapshotSummaryFragment;
export type PublishSnapshotInput = GeneratedPublishSnapshotInput;
export type FigureChange = SnapshotDiffQuery['snapshotDiff']['byCase'][number];
export type { SnapshotDiffQueryVariables as SnapshotDiffVariables } from '../../gql/graphql';

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
