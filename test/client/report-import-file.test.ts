import { describe, expect, it } from 'vitest';
import { formatFileSize } from '../../client/pages/reports/file-size';
import {
  fileProblem,
  MAX_UPLOAD_BYTES,
  outcomeOf,
  readImportAnswer,
  unlistedProblems,
  uploadShare,
  type ImportSummary,
} from '../../client/pages/reports/import-file';

const summary = (overrides: Partial<ImportSummary> = {}): ImportSummary => ({
  status: 'DRY_RUN', read: 10, imported: 8, duplicates: 2, rejected: 0, errors: [], errorCount: 0, seconds: 0.1, ...overrides,
});

describe('fileProblem', () => {
  it('accepts a CSV by its name or its type', () => {
    expect(fileProblem({ name: 'reports.CSV', type: '', size: 10 })).toBeNull();
    expect(fileProblem({ name: 'export', type: 'text/csv', size: 10 })).toBeNull();
    expect(fileProblem({ name: 'export.txt', type: 'application/vnd.ms-excel', size: 10 })).toBeNull();
  });

  it('refuses other files, empty ones and those over the limit', () => {
    expect(fileProblem({ name: 'photo.png', type: 'image/png', size: 10 })).toBe('notCsv');
    expect(fileProblem({ name: 'reports.csv.zip', type: 'application/zip', size: 10 })).toBe('notCsv');
    expect(fileProblem({ name: 'reports.csv', type: 'text/csv', size: 0 })).toBe('empty');
    expect(fileProblem({ name: 'reports.csv', type: 'text/csv', size: MAX_UPLOAD_BYTES })).toBeNull();
    expect(fileProblem({ name: 'reports.csv', type: 'text/csv', size: MAX_UPLOAD_BYTES + 1 })).toBe('tooLarge');
  });
});

describe('readImportAnswer', () => {
  it('reads a summary from 200 and from 422 (rows refused)', () => {
    const body = summary({ status: 'REJECTED', rejected: 1, errorCount: 1, errors: [{ line: 3, column: 'count', reason: 'is not a number' }] });
    expect(readImportAnswer(422, JSON.stringify(body))).toEqual({ kind: 'summary', summary: body });
    expect(readImportAnswer(200, JSON.stringify(summary()))).toEqual({ kind: 'summary', summary: summary() });
  });

  it("gives the server's message for other answers, and none for a body that is not its JSON", () => {
    expect(readImportAnswer(403, '{"error":"Imports are for staff"}')).toEqual({ kind: 'refused', status: 403, message: 'Imports are for staff' });
    expect(readImportAnswer(502, '<html>Bad gateway</html>')).toEqual({ kind: 'refused', status: 502, message: null });
    expect(readImportAnswer(200, '{"status":"COMMITTED"}')).toEqual({ kind: 'refused', status: 200, message: null });
    expect(readImportAnswer(500, '{"error":42}')).toEqual({ kind: 'refused', status: 500, message: null });
  });
});

describe('outcomeOf and unlistedProblems', () => {
  it('tells a clean check from one with problems, an import from a refusal', () => {
    expect(outcomeOf(summary())).toBe('checkedClean');
    expect(outcomeOf(summary({ errorCount: 2, rejected: 2 }))).toBe('checkedWithProblems');
    expect(outcomeOf(summary({ status: 'COMMITTED' }))).toBe('imported');
    expect(outcomeOf(summary({ status: 'REJECTED', errorCount: 1 }))).toBe('rejected');
  });

  it('counts the problems beyond the 50 listed', () => {
    const errors = Array.from({ length: 50 }, (_, i) => ({ line: i + 2, column: 'count', reason: 'x' }));
    expect(unlistedProblems(summary({ errors, errorCount: 73 }))).toBe(23);
    expect(unlistedProblems(summary({ errors: errors.slice(0, 2), errorCount: 2 }))).toBe(0);
  });
});

describe('uploadShare and formatFileSize', () => {
  it('is the share sent, 0 before the size is known, never over 1', () => {
    expect(uploadShare(0, 0)).toBe(0);
    expect(uploadShare(512, 1024)).toBe(0.5);
    expect(uploadShare(2000, 1024)).toBe(1);
  });

  it('writes sizes in decimal units, by language', () => {
    expect(formatFileSize(12, 'en')).toBe('12 B');
    expect(formatFileSize(812_440, 'es')).toBe('812,4 kB');
    expect(formatFileSize(2_630_000, 'en')).toBe('2.6 MB');
    expect(formatFileSize(250 * 1024 * 1024, 'en')).toBe('262.1 MB');
  });
});
