import type { ApolloServerPlugin } from '@apollo/server';
import type { DataVersion } from './notification';
import type { VersionView } from './version-state';

export interface Freshness {
  /** Bumped by every write that changes a figure. */
  dataVersion: number;
  /** When the figures last changed. */
  dataUpdatedAt: Date;
  /** When this answer was computed. */
  asOf: Date;
}

/** Where a request learns the data version: the process's watcher (watcher.ts). */
export interface DataVersionSource {
  /** The newest version (who is asking is looked up once per version: a disabled account stops at once). */
  read(): Promise<DataVersion>;
  /** The view a request of this user keys its answers by. */
  view(userId: number | null): Promise<VersionView>;
  /** This user's write has committed. */
  wrote(userId: number): void;
}

/** The freshness of an answer made at this view. */
export function freshnessAt(view: VersionView): Freshness {
  return { dataVersion: view.version, dataUpdatedAt: view.updatedAt, asOf: new Date() };
}

interface FreshnessContext {
  user: { id: number } | null;
  freshness: () => Promise<Freshness>;
}

/**
 * Every answer carries its freshness in `extensions.freshness`, whatever was asked. A signed-in
 * user's mutation makes them a writer, who reads the newest version for a moment (their write
 * has committed by the time its answer is sent).
 */
export function freshnessPlugin(versions: Pick<DataVersionSource, 'wrote'>): ApolloServerPlugin<FreshnessContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operation }) {
          if (operation?.operation === 'mutation' && contextValue.user) versions.wrote(contextValue.user.id);
          if (response.body.kind !== 'single') return;
          const freshness = await contextValue.freshness().catch(() => null);
          if (freshness) response.body.singleResult.extensions = { ...response.body.singleResult.extensions, freshness };
        },
      };
    },
  };
}
