import type { ErrorTally, IngestResult } from './ingest-result';

/** How a write goes from the staging table to stored reports (ingest-one-shot.ts, ingest-pipelined.ts). */
export interface IngestMode {
  /** The table rows are staged into now. */
  readonly target: string;
  /** Rows staged by one statement at most. */
  readonly batchSize: number;
  /** Called after each staged batch. */
  staged(rows: number): Promise<void>;
  /** The file has an error and will be refused: store nothing more. */
  halt(): void;
  /** Runs the checks and stores what is left, unless there is an error (`earlier`: the caller's own). */
  finish(earlier: ErrorTally): Promise<IngestResult>;
}
