import type { EntityManager } from 'typeorm';
import type { IngestMode } from './ingest-mode';
import { OneShotIngest } from './ingest-one-shot';
import { PipelinedIngest } from './ingest-pipelined';
import { NO_ERRORS, type ErrorTally, type IngestResult } from './ingest-result';
import { StagingTable } from './ingest-staging';
import type { ReportRow, WriteOptions } from './report-row';

export { ConcurrentWriteError, MAX_LISTED_ERRORS, type IngestResult, type RowError } from './ingest-result';

/**
 * Stores validated report rows set-based, the path of imports and the demo data (a form's single
 * row goes through the same SQL in one statement, ingest-row.ts): rows go into a temporary staging table; checks that need the database (campaign for the year, case
 * slug in that year, the same id with other content in the file or already stored) run as a few
 * queries; then groups are upserted, new reports inserted, and the summary tables updated, all in the
 * caller's transaction. With any error nothing is written: the caller rolls back.
 * Stored at once (ingest-one-shot.ts), or, when a large CSV import calls pipelined() first, a part
 * at a time while the rest of the file is still parsed (ingest-pipelined.ts).
 */
export class ReportIngest {
  private readonly staging: StagingTable;
  private mode: IngestMode;
  /** The database work queued by add(): finish() waits for it. */
  private work: Promise<void> = Promise.resolve();

  constructor(db: EntityManager, options: WriteOptions) {
    this.staging = new StagingTable(db, options);
    this.mode = new OneShotIngest(this.staging);
  }

  /** Milliseconds spent in each step, for the benchmark's breakdown. */
  get timings(): Record<string, number> {
    return this.staging.timings;
  }

  begin(): Promise<void> {
    return this.staging.create();
  }

  /** Stores parts of `every` rows while the file is still read (see PipelinedIngest). Needs options.batchId. */
  async pipelined(every: number): Promise<void> {
    const mode = new PipelinedIngest(this.staging, every);
    await mode.start();
    this.mode = mode;
  }

  /** Stops storing parts: the file has an error, so it will be rolled back anyway. */
  halt(): void {
    this.mode.halt();
  }

  /**
   * Adds rows to the staging table, a batch at a time. The rows are encoded at once; the database
   * work is queued after that of earlier calls, so a caller may go on parsing while it runs (the
   * promise settles when this call's rows are staged, and stored when a part is full).
   */
  add(rows: { line: number; row: ReportRow }[]): Promise<void> {
    const batches = this.staging.encode(rows, this.mode.batchSize);
    const done = this.work.then(async () => {
      for (const batch of batches) {
        await this.staging.stage(this.mode.target, batch);
        await this.mode.staged(batch.rows);
      }
    });
    this.work = done;
    return done;
  }

  /** Runs the database checks; stores everything when there is no error. */
  async finish(earlierErrors: ErrorTally = NO_ERRORS): Promise<IngestResult> {
    await this.work;
    return this.mode.finish(earlierErrors);
  }
}
