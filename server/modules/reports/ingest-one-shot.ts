import { isUniqueViolation, withSavepoint } from '../../db/savepoint';
import { bumpDataVersionAfter, partsOf } from '../../data-version';
import { createRollupDeltas, rollupDeltaInserts, rollupUpdates } from '../rollups/rollup-maintenance';
import { checkStaged } from './ingest-checks';
import type { IngestMode } from './ingest-mode';
import { ConcurrentWriteError, tallied, type ErrorTally, type IngestResult } from './ingest-result';
import { STAGE_BATCH, type StagingTable } from './ingest-staging';

/** Staged rows above which the insert assumes no id is repeated in the file (see finish). */
const OPTIMISTIC_FROM = 1000;

/**
 * Everything staged first, then checked, then stored in one statement and added to the summary
 * tables (with options.replacing removed) in the lock order of every writer: forms, corrections,
 * the demo data and test fixtures. With any error nothing is written: the caller rolls back.
 */
export class OneShotIngest implements IngestMode {
  readonly target = 'staging';
  readonly batchSize = STAGE_BATCH;

  constructor(private readonly staging: StagingTable) {}

  async staged(): Promise<void> {}

  halt(): void {}

  async finish(earlier: ErrorTally): Promise<IngestResult> {
    const { staging } = this;
    // Ids on more than one line of the file are rare, and looking for them sorts every staged row.
    // A large file is inserted assuming there are none: the unique index on
    // report_id stops the insert at a repeated id, which is then looked for, checked, and the
    // insert runs again (from a savepoint). A small write looks first, as it costs nothing.
    const optimistic = staging.staged > OPTIMISTIC_FROM;
    // statistics for the plans over many staged rows; a small write's plans look its rows up by index anyway
    if (optimistic) await staging.timed('analyze', () => staging.db.query(`ANALYZE staging`));
    if (!optimistic) await staging.findRepeatedIds();
    let result = await this.checked(earlier);
    if (result.errorCount > 0) return result;
    await staging.timed('groups', () => staging.upsertGroups());
    await staging.options.lockReplaced?.();
    // a large write sums its reports in delta tables as it inserts them; a small one (a form) is
    // added by id, sparing it five temporary tables
    if (optimistic) for (const sql of createRollupDeltas) await staging.db.query(sql);
    const insert = () => staging.timed('insert', () => staging.insert('staging', 'stored', optimistic ? rollupDeltaInserts('ins r') : [], true));
    let inserted: { count: number; ids: number[] };
    try {
      inserted = optimistic ? await withSavepoint(staging.db, 'before_insert', insert) : await insert();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // no id repeated in the file (or already looked for): another writer stored one of them meanwhile
      if (!optimistic || !(await staging.findRepeatedIds())) throw new ConcurrentWriteError();
      result = await this.checked(earlier);
      if (result.errorCount > 0) return result;
      inserted = await insert().catch((e: unknown) => {
        throw isUniqueViolation(e) ? new ConcurrentWriteError() : e;
      });
    }
    result.imported = inserted.count;
    result.duplicates = staging.staged - inserted.count;
    result.ids = inserted.ids;
    const replacing = staging.options.replacing ?? [];
    if (inserted.count > 0 || replacing.length > 0) {
      await staging.options.beforeSummaries?.(inserted.ids);
      const parts = await partsOf(staging.db, `(SELECT year, region, country FROM staging
        UNION ALL SELECT year, region, country FROM letter_report WHERE id = ANY($1::int[])) s`, [replacing]);
      // ids come back for up to OPTIMISTIC_FROM reports (see StagingTable.insert)
      const summaries = rollupUpdates(optimistic ? 'deltas' : inserted.ids, replacing);
      await staging.timed('summaries', () => bumpDataVersionAfter(staging.db, summaries, parts));
    }
    return result;
  }

  private async checked(earlier: ErrorTally): Promise<IngestResult> {
    const checks = await this.staging.timed('check', () => checkStaged(this.staging.db));
    return tallied(this.staging.staged + earlier.rows, earlier, checks);
  }
}
