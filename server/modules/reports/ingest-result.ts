import type { ReportColumn } from './report-fields';

export interface RowError {
  /** Line in the file (the form's single row is line 1). */
  line: number;
  column: ReportColumn | '(row)' | '(file)';
  reason: string;
}

export interface IngestResult {
  read: number;
  imported: number;
  duplicates: number;
  /** Rows with at least one error. */
  rejected: number;
  /** The first errors, in line order. */
  errors: RowError[];
  errorCount: number;
  /** Ids of the reports stored (only for small writes: imports use their batch). */
  ids: number[];
}

/** Errors found in some rows: the first listed, all counted. */
export interface ErrorTally {
  errors: RowError[];
  count: number;
  /** Rows with at least one error. */
  rows: number;
}

export const MAX_LISTED_ERRORS = 50;
export const NO_ERRORS: ErrorTally = { errors: [], count: 0, rows: 0 };

/** A result with nothing stored yet and the errors of every tally merged, in line order. */
export function tallied(read: number, ...tallies: ErrorTally[]): IngestResult {
  return {
    read,
    imported: 0,
    duplicates: 0,
    rejected: tallies.reduce((sum, t) => sum + t.rows, 0),
    errors: tallies.flatMap((t) => t.errors).sort((a, b) => a.line - b.line).slice(0, MAX_LISTED_ERRORS),
    errorCount: tallies.reduce((sum, t) => sum + t.count, 0),
    ids: [],
  };
}

/** Raised when another writer stored the same report id between our checks and our insert. */
export class ConcurrentWriteError extends Error {
  constructor() {
    super('another writer stored one of these report ids at the same time; run the import again');
  }
}
