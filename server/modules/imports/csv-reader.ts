import { finished, Transform, type Readable } from 'node:stream';
import Papa from 'papaparse';
import type { RowError } from '../reports/ingest';
import { REPORT_COLUMNS, type RawReport, type ReportColumn } from '../reports/report-fields';
import { UploadTooLargeError } from './upload-limit';

/** A problem with the file as a whole (encoding, header, broken quoting): nothing can be imported. */
export class CsvFileError extends Error {
  constructor(
    readonly line: number,
    /** What is wrong, without the line (an import's error list gives the line apart). */
    readonly reason: string,
  ) {
    super(line > 0 ? `line ${line}: ${reason}` : reason);
  }
}

export type CsvRecord = { line: number; raw: RawReport } | { line: number; error: RowError };

const MAX_FIELD = 10_000;
const MAX_COLUMNS = 100;
/** Far above any valid row (13 fields of at most 10,000 characters, quotes doubled). */
const MAX_ROW = 2_000_000;

/**
 * Reads a CSV file of letter reports (UTF-8, RFC 4180, a header row, columns in any order) as a
 * stream, yielding records a chunk at a time: memory stays flat whatever the size of the file.
 * Unknown or missing columns, bytes that are not UTF-8 and broken quoting fail the whole file.
 * Line numbers count physical lines, so a quoted field spanning lines is accounted for.
 */
export async function* readReportCsv(input: Readable, onBytes?: (n: number) => void): AsyncGenerator<CsvRecord[]> {
  const queue: (CsvRecord[] | Error | null)[] = [];
  let wake: (() => void) | undefined;
  let parser: Papa.Parser | undefined;
  const push = (item: CsvRecord[] | Error | null) => {
    queue.push(item);
    wake?.();
  };

  let columns: ReportColumn[] | undefined;
  let line = 1; // the physical line where the next row starts
  const text = input.pipe(utf8Text(onBytes));
  // also an error the input had before this reads it (a form's file cut off at the upload limit)
  finished(input, (error) => error && text.destroy(error));

  Papa.parse<string[]>(text as unknown as File, {
    skipEmptyLines: false,
    newline: '\n', // utf8Text turns every line ending into \n
    delimiter: ',',
    chunk(results, p) {
      parser = p;
      // pausing the parser leaves its stream flowing: without pausing the text too, a slow
      // database let the whole file queue up in memory (1.5 GB of RSS for a 1 M-row file)
      p.pause();
      text.pause();
      try {
        const quoteError = results.errors.find((e) => e.type === 'Quotes');
        const badRow = quoteError ? Math.min(quoteError.row ?? 0, results.data.length - 1) : -1;
        const records: CsvRecord[] = [];
        for (const [i, fields] of results.data.entries()) {
          const start = line;
          line += 1 + countNewlines(fields);
          if (i === badRow) {
            throw new CsvFileError(start, quoteError!.code === 'MissingQuotes' ? 'a quoted field is never closed' : 'a quote inside a field must be doubled ("")');
          }
          if (fields.length === 1 && fields[0] === '') continue; // a blank line
          if (!columns) {
            columns = readHeader(fields, start);
            continue;
          }
          records.push(toRecord(fields, columns, start));
        }
        push(records);
      } catch (error) {
        push(error as Error); // before abort(), which reports completion at once
        p.abort();
      }
    },
    complete: () => push(null),
    error: (error: Error) => push(error),
  });

  try {
    for (;;) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      const item = queue.shift()!;
      if (item === null) break;
      // an upload over its limit is the request's fault, not the file's: it goes up as it is
      if (item instanceof Error) throw item instanceof CsvFileError || item instanceof UploadTooLargeError ? item : new CsvFileError(0, item.message);
      yield item;
      text.resume();
      parser?.resume();
    }
  } finally {
    if (queue.at(-1) !== null) parser?.abort();
    text.destroy();
  }
  if (!columns) throw new CsvFileError(0, line === 1 ? 'the file is empty: expected a header row' : 'no header row');
}

function toRecord(fields: string[], columns: ReportColumn[], line: number): CsvRecord {
  if (fields.length !== columns.length) {
    return { line, error: { line, column: '(row)', reason: `has ${fields.length} fields; the header has ${columns.length}` } };
  }
  const raw: RawReport = {};
  for (let i = 0; i < fields.length; i++) {
    if (fields[i].length > MAX_FIELD) return { line, error: { line, column: columns[i], reason: `is longer than ${MAX_FIELD} characters` } };
    raw[columns[i]] = fields[i];
  }
  return { line, raw };
}

function countNewlines(fields: string[]): number {
  let n = 0;
  for (const f of fields) {
    for (let i = f.indexOf('\n'); i !== -1; i = f.indexOf('\n', i + 1)) n++;
  }
  return n;
}

function readHeader(fields: string[], line: number): ReportColumn[] {
  if (fields.length > MAX_COLUMNS) {
    throw new CsvFileError(line, `the header has ${fields.length} columns; expected the ${REPORT_COLUMNS.length} columns ${REPORT_COLUMNS.join(', ')}`);
  }
  const names = fields.map((n, i) => (i === 0 ? n.replace(/^\uFEFF/, '') : n).trim().toLowerCase());
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

/**
 * Decodes UTF-8 strictly (a byte that is not UTF-8 fails the file), refuses NUL bytes, and turns
 * every line ending (CRLF, CR, LF, mixed) into LF, so the parser need not guess from the first
 * chunk. A CR at the end of a chunk waits for the next one, which may begin with its LF.
 */
function utf8Text(onBytes?: (n: number) => void): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const guard = rowLengthGuard();
  let bytes = 0;
  let pendingCr = false;
  const normalise = (text: string, last: boolean) => {
    let t = pendingCr ? `\r${text}` : text;
    pendingCr = !last && t.endsWith('\r');
    if (pendingCr) t = t.slice(0, -1);
    return t.replace(/\r\n?/g, '\n');
  };
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      onBytes?.(bytes);
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        return done(new CsvFileError(0, `the file is not UTF-8 text (invalid bytes near byte ${bytes - chunk.length})`));
      }
      if (text.includes('\u0000')) return done(new CsvFileError(0, 'the file is not CSV text (it contains NUL bytes)'));
      const lines = normalise(text, false);
      done(guard(lines), lines);
    },
    flush(done) {
      let lines: string;
      try {
        lines = normalise(decoder.decode(), true);
      } catch {
        return done(new CsvFileError(0, 'the file is not UTF-8 text (it ends in the middle of a character)'));
      }
      done(guard(lines), lines);
    },
  });
}

/**
 * Papaparse keeps an unfinished row in memory and parses it again from its start with every chunk,
 * so one endless row (a quote never closed, a file without line breaks) would cost memory and
 * quadratic time without bound: 10 minutes and 1.8 GB for a 256 MB file without a line break. This
 * follows the quoting as Papaparse reads it (a quote opens a quoted field only at the start of a
 * field; "" inside one is a quote) and fails the file once a row passes MAX_ROW characters, at the
 * cost of one indexOf per line and per quote. The text has LF line endings.
 */
function rowLengthGuard(): (text: string) => CsvFileError | null {
  let inQuotes = false;
  let rowLength = 0;
  let line = 1; // physical line of the text's next character
  let rowLine = 1; // where the current row starts
  let previous = '\n'; // the character before the text
  const tooLong = () =>
    rowLength <= MAX_ROW
      ? null
      : new CsvFileError(rowLine, inQuotes
        ? `a quoted field is never closed (the row runs on for more than ${MAX_ROW.toLocaleString('en')} characters)`
        : `the row is longer than ${MAX_ROW.toLocaleString('en')} characters`);
  return (text) => {
    let start = 0;
    let quote = text.indexOf('"');
    for (;;) {
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline;
      for (; quote !== -1 && quote < end; quote = text.indexOf('"', quote + 1)) {
        // inside a quoted field a quote closes it (the next one reopens it when doubled); outside,
        // a quote opens one after a comma, a line break or a closing quote, else it is a character
        const before = quote > 0 ? text[quote - 1] : previous;
        if (inQuotes || before === ',' || before === '\n' || before === '"') inQuotes = !inQuotes;
      }
      rowLength += end - start;
      const problem = tooLong();
      if (problem || newline === -1) {
        if (text.length) previous = text[text.length - 1];
        return problem;
      }
      line++;
      if (inQuotes) {
        rowLength++; // a line break inside a quoted field belongs to the row
      } else {
        rowLength = 0;
        rowLine = line;
      }
      start = newline + 1;
    }
  };
}
