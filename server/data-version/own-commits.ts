import type { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import type { Change } from './notification';

const PENDING = 'w4rDataVersion';

/**
 * After bumpDataVersion: inside a transaction the change is kept on its query runner until COMMIT
 * returns (a rollback discards it); outside one the statement has already committed.
 */
export function versionWritten(db: EntityManager, change: Change): void {
  const runner = db.queryRunner;
  if (runner?.isTransactionActive) {
    // a transaction may bump more than once (a correction: the new report's area, then the old one's)
    runner.data[PENDING] = [...((runner.data[PENDING] as Change[] | undefined) ?? []), change];
    return;
  }
  announce(db.dataSource, [change]);
}

/** What a commit advances (a DataVersionWatcher). */
export interface VersionFollower {
  advance(change: Change): void;
}

const hooks = new WeakMap<DataSource, Set<VersionFollower>>();

function announce(dataSource: DataSource, changes: Change[]): void {
  for (const watcher of hooks.get(dataSource) ?? []) for (const change of changes) watcher.advance(change);
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
        const pending = queryRunner.data[PENDING] as Change[] | undefined;
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
