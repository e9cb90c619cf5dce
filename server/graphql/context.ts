import type { DataSource } from 'typeorm';
import { createLoaders, type Loaders } from './loaders';

// A `type`, not an `interface`: Apollo's generic constraint needs an index-compatible type.
export type Context = {
  dataSource: DataSource;
  loaders: Loaders;
};

export function createContext(dataSource: DataSource): Context {
  return { dataSource, loaders: createLoaders(dataSource) };
}
