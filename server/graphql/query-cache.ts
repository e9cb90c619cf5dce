import { LRUCache } from 'lru-cache';

/**
 * Results of read queries keyed by (version, SQL, parameters), where the version is the last one
 * that changed what the statement reads (its filter's years and areas within the scope; for other
 * reads, what the request reads: server/graphql/context.ts): a write there moves it, so a cached
 * result is never stale, and a write elsewhere leaves it.
 * Identical queries running at the same time share one database round trip (the promise is cached).
 * The SQL carries the filter and, once scoped, the scope, so every distinct question has its own key.
 */
export class QueryCache {
  // ~14 entries a dashboard: the last ~140 distinct dashboards, a few tens of MB at most
  private readonly entries = new LRUCache<string, Promise<unknown>>({ max: 2000 });

  /** A read query at a data version; `execute` runs it on a miss (on the primary or a replica). */
  query(version: number, sql: string, params: unknown[], execute: () => Promise<any[]>): Promise<any[]> {
    return this.memo(version, `${sql}\u0000${JSON.stringify(params)}`, execute);
  }

  /** Any read at a data version: entity lookups too change only with the data. Callers must not mutate results. */
  memo<T>(version: number, key: string, read: () => Promise<T>): Promise<T> {
    const versioned = `${version}\u0000${key}`;
    let result = this.entries.get(versioned) as Promise<T> | undefined;
    if (!result) {
      result = read();
      this.entries.set(versioned, result);
      // a failed read is not remembered
      result.catch(() => this.entries.delete(versioned));
    }
    return result;
  }
}
