import type { DataSource } from 'typeorm';
import { readFreshness, type Freshness } from './freshness';
import { createLoaders, type Loaders } from './loaders';

// A `type`, not an `interface`: Apollo's generic constraint needs an index-compatible type.
export type Context = {
  dataSource: DataSource;
  loaders: Loaders;
  /** The data version and times of this request, read once. */
  freshness: () => Promise<Freshness>;
};

export function createContext(dataSource: DataSource): Context {
  let freshness: Promise<Freshness> | undefined;
  return {
    dataSource,
    loaders: createLoaders(dataSource),
    freshness: () => (freshness ??= readFreshness(dataSource)),
  };
}
