import type { Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { PUBLISH_SNAPSHOT_MUTATION } from './queries';

/**
 * publishSnapshot, whose answer goes straight into the cached list (newest first) and marks the
 * snapshot it replaced. No second request: its answer could come from a server cache that has not
 * seen this publication yet.
 */
export function usePublishSnapshot() {
  const [publish] = useMutation(PUBLISH_SNAPSHOT_MUTATION, {
    update(cache, { data }) {
      const published = data?.publishSnapshot;
      if (!published) return;
      cache.modify({
        fields: {
          snapshots: (list: readonly Reference[] = [], { toReference }) => {
            const ref = toReference({ __typename: 'Snapshot', slug: published.slug });
            return ref ? [ref, ...list.filter((item) => item.__ref !== ref.__ref)] : list;
          },
        },
      });
      if (published.replaces) {
        cache.modify({
          id: cache.identify({ __typename: 'Snapshot', slug: published.replaces.slug }),
          fields: {
            replacedBy: (_old, { toReference }) => toReference({ __typename: 'Snapshot', slug: published.slug }),
          },
        });
      }
    },
  });
  return publish;
}
