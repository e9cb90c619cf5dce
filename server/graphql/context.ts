import type { DataSource } from 'typeorm';
import { ImpactService } from '../modules/impact/impact.service';
import { readFreshness, type Freshness } from './freshness';
import { createLoaders, type Loaders } from './loaders';
import type { QueryCache } from './query-cache';

// A `type`, not an `interface`: Apollo's generic constraint needs an index-compatible type.
export type Context = {
  dataSource: DataSource;
  loaders: Loaders;
  /** The data version and times of this request, read once. */
  freshness: () => Promise<Freshness>;
  /** Aggregations, answered from the shared cache at this request's data version. */
  impact: ImpactService;
};

export function createContext(dataSource: DataSource, cache: QueryCache): Context {
  let freshness: Promise<Freshness> | undefined;
  const context: Context = {
    dataSource,
    freshness: () => (freshness ??= readFreshness(dataSource)),
    impact: new ImpactService({
      query: async (sql: string, params: unknown[] = []) => cache.run(dataSource, await version(), sql, params),
    }),
    loaders: undefined as unknown as Loaders,
  };
  const version = async () => (await context.freshness()).dataVersion;
  context.loaders = createLoaders(dataSource, context.impact, async (key, read) => cache.memo(await version(), key, read));
  return context;
}
