import type { ApolloServerPlugin } from '@apollo/server';
import type { DataVersion } from './notification';

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
  read(): Promise<DataVersion>;
}

/** The freshness of a request, from the version the process knows (no query while it is trusted). */
export async function readFreshness(versions: DataVersionSource): Promise<Freshness> {
  const { version, updatedAt } = await versions.read();
  return { dataVersion: version, dataUpdatedAt: updatedAt, asOf: new Date() };
}

/** Every answer carries its freshness in `extensions.freshness`, whatever was asked. */
export const freshnessPlugin: ApolloServerPlugin<{ freshness: () => Promise<Freshness> }> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single') return;
        const freshness = await contextValue.freshness().catch(() => null);
        if (freshness) response.body.singleResult.extensions = { ...response.body.singleResult.extensions, freshness };
      },
    };
  },
};
