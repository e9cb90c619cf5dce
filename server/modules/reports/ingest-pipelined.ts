import { isUniqueViolation, withSavepoint } from '../../db/savepoint';
import { bumpDataVersionAfter, partsOf } from '../../data-version';
import { AREAS_DELTA, createRollupDeltas, rollupDeltaInserts, rollupUpdates } from '../rollups/rollup-maintenance';
import { checkStaged, partHasProblem } from './ingest-checks';
import type { IngestMode } from './ingest-mode';
import { tallied, type ErrorTally, type IngestResult } from './ingest-result';
import { STAGE_BATCH, type SkipStored, type StagingTable } from './ingest-staging';

/**
 * A large import stores its rows a part at a time while the rest of the file is still read and
 * staged (in the caller's one transaction, so still all or nothing): the database inserts one
 * part while Node parses the next. Each part is staged in its own child table of `staging` (the
 * checks of finish() still see every row). A part is inserted as new reports; once the unique
 * index finds an id already stored (before this file, or on an earlier line of it), parts are
 * inserted with ON CONFLICT DO NOTHING (see insertPart); when a row is skipped, the part's rows
 * are compared with the stored ones, and a difference halts storing. Sums go to delta tables,
 * added to the summary tables once at the end (createRollupDeltas). Storing also halts at an
 * unknown year or case, or at halt() (a row the caller refused): finish() then runs the checks
 * over the whole file, leaving out the rows this batch stored, and reports every error; the caller
 * rolls back. Needs options.batchId (it tells this file's rows).
 */
export class PipelinedIngest implements IngestMode {
  target = 'staging';
  readonly batchSize: number;
  private parts = 0;
  private partRows = 0;
  /** Staged rows stored so far. */
  private stored = 0;
  /** Storing stopped at a problem: the file will be refused. */
  private halted = false;
  /** Whether parts skip ids stored already (see insertPart). */
  private skip: SkipStored = 'none';

  constructor(
    private readonly staging: StagingTable,
    /** Rows of a part. */
    private readonly every: number,
  ) {
    if (staging.options.batchId == null) throw new Error('a pipelined import needs a batch id');
    this.batchSize = Math.min(STAGE_BATCH, every);
  }

  async start(): Promise<void> {
    for (const sql of createRollupDeltas) await this.staging.db.query(sql);
    await this.nextPart();
  }

  halt(): void {
    this.halted = true;
  }

  async staged(rows: number): Promise<void> {
    this.partRows += rows;
    if (this.partRows >= this.every) await this.storePart();
  }

  async finish(earlier: ErrorTally): Promise<IngestResult> {
    const { staging } = this;
    if (earlier.count > 0) this.halted = true;
    await this.storePart(true);
    if (this.halted) {
      // the checks of a file stored at once, over every staged row, leaving out what this file stored
      await staging.timed('analyze', () => staging.db.query(`ANALYZE staging`));
      await staging.findRepeatedIds();
      const checks = await staging.timed('check', () => checkStaged(staging.db, staging.options.batchId));
      const result = tallied(staging.staged + earlier.rows, earlier, checks);
      // storing halts only at an error the checks find; never commit a file that was not stored whole
      if (result.errorCount === 0) throw new Error('the import stopped storing, but the checks found no error');
      return result;
    }
    if (this.stored > 0) {
      const parts = await partsOf(staging.db, AREAS_DELTA);
      await staging.timed('summaries', () => bumpDataVersionAfter(staging.db, rollupUpdates('deltas', []), parts));
    }
    return { ...tallied(staging.staged + earlier.rows), imported: this.stored, duplicates: staging.staged - this.stored };
  }

  private async nextPart(): Promise<void> {
    this.target = `staging_${++this.parts}`;
    this.partRows = 0;
    await this.staging.createPart(this.target);
  }

  /** Inserts the current part (unless storing halted) and starts the next one, unless it is the last. */
  private async storePart(last = false): Promise<void> {
    const { staging } = this;
    const part = this.target;
    if (!this.halted && this.partRows > 0) {
      await staging.timed('groups', () => staging.upsertGroups(true));
      const count = await staging.timed('insert', () => this.insertPart(part));
      this.stored += count;
      // every row stored: no unknown case, no id stored before; else look why
      if (count < this.partRows && (await staging.timed('check', () => partHasProblem(staging.db, part)))) this.halted = true;
    }
    if (!last) await this.nextPart();
  }

  /**
   * Inserts a part as new reports (ON CONFLICT costs a third more): when the unique index on
   * report_id stops it, goes back to a savepoint and inserts it again skipping ids stored, as
   * every later part of the file (an import run again, an id repeated in the file).
   */
  private async insertPart(part: string): Promise<number> {
    const insert = () => this.staging.insert(part, this.skip, rollupDeltaInserts('ins r')).then((r) => r.count);
    if (this.skip === 'conflicts') return insert();
    try {
      return await withSavepoint(this.staging.db, 'store_part', insert);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      this.skip = 'conflicts';
      return insert();
    }
  }
}
