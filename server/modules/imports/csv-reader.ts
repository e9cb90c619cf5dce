import { finished, Transform, type Readable } from 'node:stream';
import type { RowError } from '../reports/ingest';
import { REPORT_COLUMNS, type RawReport, type ReportColumn } from '../reports/report-fields';
import { UploadTooLargeError } from './upload-limit';

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
/** Far above any valid row (13 fields of at most 10,000 characters, quotes doubled). */
const MAX_ROW = 2_000_000;

/**
 * Reads a CSV file of letter reports (UTF-8, RFC 4180, a header row, columns in any order) as a
 * stream, yielding records a chunk at a time: memory stays flat whatever the size of the file.
 * Unknown or missing columns, bytes that are not UTF-8 and broken quoting fail the whole file.
 * Line numbers count physical lines, so a quoted field spanning lines is accounted for.
 */
export async function* readReportCsv(input: Readable, onBytes?: (n: number) => void): AsyncGenerator<CsvRecord[]> {
  const text = input.pipe(utf8Text(onBytes));
  // also an error the input had before this reads it (a form's file cut off at the upload limit)
  finished(input, (error) => error && text.destroy(error));
  const rows = new CsvRows();
  let columns: ReportColumn[] | undefined;
  const records = (fieldRows: FieldRow[]) => {
    const out: CsvRecord[] = [];
    for (const { fields, line } of fieldRows) {
      if (fields.length === 1 && fields[0] === '') continue; // a blank line
      if (columns) out.push(toRecord(fields, columns, line));
      else columns = readHeader(fields, line);
    }
    return out;
  };
  try {
    for await (const chunk of text) yield records(rows.read(chunk as string));
    yield records(rows.end());
  } catch (error) {
    // an upload over its limit is the request's fault, not the file's: it goes up as it is
    throw error instanceof CsvFileError || error instanceof UploadTooLargeError ? error : new CsvFileError(0, (error as Error).message);
  } finally {
    text.destroy();
  }
  if (!columns) throw new CsvFileError(0, rows.line === 1 ? 'the file is empty: expected a header row' : 'no header row');
}

/** A row's fields and the physical line where it starts. */
interface FieldRow {
  fields: string[];
  line: number;
}

/**
 * Splits text with LF line endings into rows of fields, as RFC 4180 reads them: a field that starts
 * with a quote runs to the next quote that is not doubled, which may be followed by spaces, then
 * a comma or a line break (else the quote should have been doubled); anywhere else a quote is a
 * character. A row cut at the end of a piece of text is kept and read again with the next piece:
 * a row that runs on past MAX_ROW characters fails the file, so memory and time stay bounded.
 */
class CsvRows {
  /** The physical line where the next row starts. */
  line = 1;
  /** The unfinished row at the end of the text read so far. */
  private rest = '';
  private started = false;

  read(piece: string): FieldRow[] {
    let text = this.rest + piece;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte order mark
    }
    return this.rows(text, false);
  }

  end(): FieldRow[] {
    return this.rest ? this.rows(this.rest, true) : [];
  }

  /** The rows of `text`; an unfinished row at its end is kept for the next piece, unless it is the `last`. */
  private rows(text: string, last: boolean): FieldRow[] {
    const rows: FieldRow[] = [];
    let p = 0;
    let quote = text.indexOf('"');
    while (p < text.length) {
      const newline = text.indexOf('\n', p);
      if (newline === -1 && !last) break;
      const lineEnd = newline === -1 ? text.length : newline;
      if (quote !== -1 && quote < p) quote = text.indexOf('"', p);
      if (quote === -1 || quote > lineEnd) {
        // the common row: no quote, one physical line
        if (lineEnd - p > MAX_ROW) throw this.tooLong(false);
        rows.push({ fields: text.slice(p, lineEnd).split(','), line: this.line });
        this.line++;
        p = lineEnd + 1;
        continue;
      }
      const row = this.quotedRow(text, p, last);
      if (typeof row === 'string') break;
      rows.push({ fields: row.fields, line: this.line });
      this.line += 1 + row.newlines;
      p = row.end;
    }
    this.rest = p < text.length ? text.slice(p) : '';
    if (this.rest.length > MAX_ROW) throw this.tooLong(this.quotedRow(this.rest, 0, false) === 'open');
    return rows;
  }

  /**
   * Reads the row from `start` field by field. When the text ends first (and is not the `last`):
   * 'open' inside a quoted field, else 'more'.
   */
  private quotedRow(text: string, start: number, last: boolean): { fields: string[]; newlines: number; end: number } | 'open' | 'more' {
    const fields: string[] = [];
    let newlines = 0;
    let p = start;
    for (;;) {
      let value = '';
      let next = p; // the position after the field
      if (text.charCodeAt(p) === QUOTE) {
        let from = p + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1 || (q === text.length - 1 && !last)) {
            if (!last) return 'open';
            throw new CsvFileError(this.line, 'a quoted field is never closed');
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          next = q + 1;
          while (text.charCodeAt(next) === SPACE) next++;
          break;
        }
        if (next === text.length && !last) return 'more';
        if (next < text.length && text.charCodeAt(next) !== COMMA && text.charCodeAt(next) !== NEWLINE) {
          throw new CsvFileError(this.line, 'a quote inside a field must be doubled ("")');
        }
        for (let n = value.indexOf('\n'); n !== -1; n = value.indexOf('\n', n + 1)) newlines++;
      } else {
        while (next < text.length && text.charCodeAt(next) !== COMMA && text.charCodeAt(next) !== NEWLINE) next++;
        if (next === text.length && !last) return 'more';
        value = text.slice(p, next);
      }
      fields.push(value);
      if (next - start > MAX_ROW) throw this.tooLong(false);
      if (next === text.length) return { fields, newlines, end: next };
      if (text.charCodeAt(next) === NEWLINE) return { fields, newlines, end: next + 1 };
      p = next + 1;
    }
  }

  private tooLong(inQuotes: boolean): CsvFileError {
    return new CsvFileError(this.line, inQuotes
      ? `a quoted field is never closed (the row runs on for more than ${MAX_ROW.toLocaleString('en')} characters)`
      : `the row is longer than ${MAX_ROW.toLocaleString('en')} characters`);
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const SPACE = 0x20;

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

function readHeader(fields: string[], line: number): ReportColumn[] {
  if (fields.length > MAX_COLUMNS) {
    throw new CsvFileError(line, `the header has ${fields.length} columns; expected the ${REPORT_COLUMNS.length} columns ${REPORT_COLUMNS.join(', ')}`);
  }
  const names = fields.map((n) => n.trim().toLowerCase());
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
      done(null, lines);
    },
    flush(done) {
      let lines: string;
      try {
        lines = normalise(decoder.decode(), true);
      } catch {
        return done(new CsvFileError(0, 'the file is not UTF-8 text (it ends in the middle of a character)'));
      }
      done(null, lines);
    },
  });
}
