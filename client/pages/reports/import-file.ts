// What the browser checks before sending a file, and how the import endpoint's answer is read.
// Pure: no DOM, no React.

/**
 * The largest file sent from the browser: one request, one transaction (about 1.5 million rows).
 * Bigger files go through `npm run import`, which shows its own progress and can be re-run.
 */
export const MAX_UPLOAD_BYTES = 250 * 1024 * 1024;

export type FileProblem = 'notCsv' | 'empty' | 'tooLarge';

/** Why a chosen file cannot be sent, or null. CSV by name or by type (browsers disagree on the type). */
export function fileProblem(file: { name: string; type: string; size: number }): FileProblem | null {
  const csvName = /\.csv$/i.test(file.name);
  const csvType = ['text/csv', 'application/csv', 'application/vnd.ms-excel'].includes(file.type);
  if (!csvName && !csvType) return 'notCsv';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_UPLOAD_BYTES) return 'tooLarge';
  return null;
}

export interface ImportProblem {
  line: number;
  column: string;
  reason: string;
}

/** The JSON summary POST /api/imports answers (server/modules/imports/import-csv.ts). */
export interface ImportSummary {
  status: 'COMMITTED' | 'REJECTED' | 'DRY_RUN';
  read: number;
  imported: number;
  duplicates: number;
  /** Rows with at least one problem. */
  rejected: number;
  /** The first 50 problems, by line. */
  errors: ImportProblem[];
  /** Every problem of the file. */
  errorCount: number;
  seconds: number;
}

export type ImportAnswer = { kind: 'summary'; summary: ImportSummary } | { kind: 'refused'; status: number; message: string | null };

/** The endpoint's answer: a summary (200, or 422 when rows were refused), else its error message if it sent one. */
export function readImportAnswer(status: number, body: string): ImportAnswer {
  let json: unknown = null;
  try {
    json = JSON.parse(body);
  } catch {
    // an HTML error page from a proxy, or nothing
  }
  if ((status === 200 || status === 422) && isSummary(json)) return { kind: 'summary', summary: json };
  const message = json && typeof json === 'object' && 'error' in json && typeof json.error === 'string' ? json.error : null;
  return { kind: 'refused', status, message };
}

function isSummary(json: unknown): json is ImportSummary {
  if (!json || typeof json !== 'object') return false;
  const s = json as Record<string, unknown>;
  return (
    ['COMMITTED', 'REJECTED', 'DRY_RUN'].includes(s.status as string) &&
    ['read', 'imported', 'duplicates', 'rejected', 'errorCount'].every((k) => typeof s[k] === 'number') &&
    Array.isArray(s.errors)
  );
}

export type Outcome = 'imported' | 'checkedClean' | 'checkedWithProblems' | 'rejected';

/** What came of it, in one word: a dry run without problems can be imported as it is. */
export function outcomeOf(summary: ImportSummary): Outcome {
  if (summary.status === 'COMMITTED') return 'imported';
  if (summary.status === 'REJECTED') return 'rejected';
  return summary.errorCount > 0 ? 'checkedWithProblems' : 'checkedClean';
}

/** Problems the server counted but did not list (it lists the first 50). */
export function unlistedProblems(summary: ImportSummary): number {
  return Math.max(0, summary.errorCount - summary.errors.length);
}

/** The upload's share done, 0 to 1; 0 until the size is known. */
export function uploadShare(loaded: number, total: number): number {
  return total > 0 ? Math.min(1, loaded / total) : 0;
}
