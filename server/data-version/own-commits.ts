import type { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import type { DataVersion } from './notification';

const PENDING = 'w4rDataVersion';

/**
 * After bumpDataVersion: inside a transaction the version is kept on its query runner until
 * COMMIT returns (a rollback discards it); outside one the statement has already committed.
 */
export function versionWritten(db: EntityManager, v: DataVersion): void {
  const runner = db.queryRunner;
  if (runner?.isTransactionActive) {
    const pending = runner.data[PENDING] as DataVersion | undefined;
    if (!pending || pending.version < v.version) runner.data[PENDING] = v;
    return;
  }
  announce(db.dataSource, v);
}

/** What a commit advances (a DataVersionWatcher). */
export interface VersionFollower {
  advance(v: DataVersion): void;
}

const hooks = new WeakMap<DataSource, Set<VersionFollower>>();

function announce(dataSource: DataSource, v: DataVersion): void {
  for (const watcher of hooks.get(dataSource) ?? []) watcher.advance(v);
}

/** The watchers to advance on this data source's commits; registers the commit subscriber once. */
export function commitHooks(dataSource: DataSource): Set<VersionFollower> {
  let watchers = hooks.get(dataSource);
  if (!watchers) {
    watchers = new Set();
    hooks.set(dataSource, watchers);
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit({ queryRunner }: TransactionCommitEvent) {
        // a savepoint released inside a longer transaction: not committed yet
        if (queryRunner.isTransactionActive) return;
        const pending = queryRunner.data[PENDING] as DataVersion | undefined;
        if (!pending) return;
        delete queryRunner.data[PENDING];
        announce(dataSource, pending);
      },
      afterTransactionRollback({ queryRunner }) {
        if (!queryRunner.isTransactionActive) delete queryRunner.data[PENDING];
      },
    };
    dataSource.subscribers.push(subscriber);
  }
  return watchers;
}
