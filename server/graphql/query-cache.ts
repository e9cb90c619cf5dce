import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';

/**
 * Results of read queries keyed by (data version, SQL, parameters). Every write bumps the data
 * version, so a cached answer is never stale: the next request reads the new version and misses.
 * Identical queries running at the same time share one database round trip (the promise is cached).
 * The SQL carries the filter and, once scoped, the scope, so every distinct question has its own key.
 */
export class QueryCache {
  private readonly entries = new LRUCache<string, Promise<unknown[]>>({ max: 5000 });

  run(db: DataSource, version: number, sql: string, params: unknown[]): Promise<unknown[]> {
    const key = `${version}\u0000${sql}\u0000${JSON.stringify(params)}`;
    let result = this.entries.get(key);
    if (!result) {
      result = db.query(sql, params);
      this.entries.set(key, result);
      // a failed query is not remembered
      result.catch(() => this.entries.delete(key));
    }
    return result;
  }
}
