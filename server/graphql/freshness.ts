import type { ApolloServerPlugin } from '@apollo/server';
import type { DataSource } from 'typeorm';
import type { Context } from './context';

export interface Freshness {
  /** Bumped by every write that changes a figure. */
  dataVersion: number;
  /** When the figures last changed. */
  dataUpdatedAt: Date;
  /** When this answer was computed. */
  asOf: Date;
}

export async function readFreshness(db: DataSource): Promise<Freshness> {
  const [row] = await db.query(`SELECT version, updated_at FROM data_version`);
  return { dataVersion: Number(row.version), dataUpdatedAt: row.updated_at, asOf: new Date() };
}

/** Every answer carries its freshness in `extensions.freshness`, whatever was asked. */
export const freshnessPlugin: ApolloServerPlugin<Context> = {
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
