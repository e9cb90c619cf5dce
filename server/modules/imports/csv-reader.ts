import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { REPORT_COLUMNS, type RawReport, type ReportColumn } from '../reports/report-fields';
import type { RowError } from '../reports/ingest';

/** A problem with the file as a whole (encoding, header, broken quoting): nothing can be imported. */
export class CsvFileError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(line > 0 ? `line ${line}: ${reason}` : reason);
  }
}

export type CsvRecord = { line: number; raw: RawReport } | { line: number; error: RowError };

const MAX_FIELD = 10_000;
const MAX_COLUMNS = 100;

/**
 * Reads a CSV file of letter reports (UTF-8, RFC 4180, a header row, columns in any order) as a
 * stream, one record at a time: memory stays flat whatever the size of the file. Unknown or
 * missing columns, bytes that are not UTF-8 and broken quoting fail the whole file.
 */
export async function* readReportCsv(input: Readable, onBytes?: (n: number) => void): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  const text = async function* () {
    for await (const chunk of input) {
      bytes += chunk.length;
      onBytes?.(bytes);
      let decoded: string;
      try {
        decoded = decoder.decode(chunk as Buffer, { stream: true });
      } catch {
        throw new CsvFileError(0, `the file is not UTF-8 text (invalid bytes near byte ${bytes - chunk.length})`);
      }
      if (decoded.includes('\u0000')) throw new CsvFileError(0, 'the file is not a CSV text file (it contains NUL bytes)');
      yield decoded;
    }
  };
  const parser = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_FIELD * 20,
    info: true,
  });
  const source = text();
  // Feed the parser from the decoded stream, surfacing its errors as file errors.
  const feeding = (async () => {
    try {
      for await (const s of source) if (!parser.write(s)) await new Promise((r) => parser.once('drain', r));
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();

  let columns: (ReportColumn | undefined)[] | undefined;
  let previousEnd = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = previousEnd + 1;
      previousEnd = info.lines;
      if (!columns) {
        columns = readHeader(record, line);
        continue;
      }
      if (record.length !== columns.length) {
        yield { line, error: { line, column: '(row)', reason: `has ${record.length} fields; the header has ${columns.length}` } };
        continue;
      }
      const raw: RawReport = {};
      let tooLong: ReportColumn | undefined;
      record.forEach((value, i) => {
        if (value.length > MAX_FIELD) tooLong = columns![i];
        raw[columns![i]!] = value;
      });
      if (tooLong) yield { line, error: { line, column: tooLong, reason: `is longer than ${MAX_FIELD} characters` } };
      else yield { line, raw };
    }
  } catch (error) {
    if (error instanceof CsvFileError) throw error;
    const e = error as Error & { lines?: number; code?: string };
    throw new CsvFileError(e.lines ?? previousEnd + 1, describeParseError(e));
  } finally {
    await feeding;
  }
  if (!columns) throw new CsvFileError(0, bytes === 0 ? 'the file is empty: expected a header row' : 'no header row');
}

function readHeader(record: string[], line: number): ReportColumn[] {
  if (record.length > MAX_COLUMNS) throw new CsvFileError(line, `the header has ${record.length} columns; expected ${REPORT_COLUMNS.length}`);
  const names = record.map((n) => n.trim().toLowerCase());
  const problems: string[] = [];
  const unknown = names.filter((n) => !(REPORT_COLUMNS as readonly string[]).includes(n));
  if (unknown.length) problems.push(`unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => JSON.stringify(u.slice(0, 40))).join(', ')}`);
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length) problems.push(`repeated column ${JSON.stringify(repeated[0])}`);
  const missing = REPORT_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) problems.push(`missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  if (problems.length) {
    throw new CsvFileError(line, `header: ${problems.join('; ')}. Expected the columns ${REPORT_COLUMNS.join(', ')}`);
  }
  return names as ReportColumn[];
}

function describeParseError(e: Error & { code?: string }): string {
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a quote inside a field must be doubled ("")';
    case 'CSV_MAX_RECORD_SIZE':
      return 'a row is too long';
    default:
      return `not a valid CSV file (${e.message.replace(/^Invalid \w+: /, '').slice(0, 200)})`;
  }
}
