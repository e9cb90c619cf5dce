import { Readable } from 'node:stream';
import { REPORT_COLUMNS, type ReportColumn } from '../../server/modules/reports/report-fields';

/** A CSV row as the file gives it: every column as text (undefined = the column is left out). */
export type CsvRow = Partial<Record<ReportColumn | (string & {}), string | number>>;

let serial = 0;

/** A valid row of the fixture campaign 2024 (see fixtures.campaign): a local group in Germany. */
export function csvRow(overrides: CsvRow = {}): CsvRow {
  serial += 1;
  return {
    report_id: `CSV-${serial}`,
    year: 2024,
    case: 'ana-ruiz',
    group_ref: 'DE-BER-01',
    group_name: 'Amnesty Berlin Mitte',
    group_type: 'LOCAL_GROUP',
    action_type: 'LETTER',
    count: 25,
    written_on: '2024-12-08',
    reported_at: '2024-12-10T14:30:00+01:00',
    country: 'DE',
    region: 'Europe',
    subdivision: 'DE-BE',
    ...overrides,
  };
}

/** A valid row from an individual: no group, no date written, no subdivision. */
export function individualRow(overrides: CsvRow = {}): CsvRow {
  return csvRow({ group_ref: '', group_name: '', group_type: '', written_on: '', subdivision: '', ...overrides });
}

/** One field as RFC 4180 writes it: quoted only when it must be, inner quotes doubled. */
export function csvField(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvOptions {
  /** The header, in this order (default: the usual order of the format). */
  columns?: readonly string[];
  /** Line ending (default "\n"). */
  eol?: string;
  /** Put a UTF-8 byte order mark first. */
  bom?: boolean;
}

/** The text of a CSV file: a header row, then one line per row (a row's missing column is empty). */
export function csvText(rows: CsvRow[], options: CsvOptions = {}): string {
  const columns = options.columns ?? REPORT_COLUMNS;
  const eol = options.eol ?? '\n';
  const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => csvField(row[c])).join(','))];
  return `${options.bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
}

/** A readable stream of the text or bytes, optionally cut into pieces of `pieceBytes` bytes. */
export function csvStream(content: string | Buffer, pieceBytes?: number): Readable {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  if (!pieceBytes) return Readable.from([bytes]);
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += pieceBytes) pieces.push(bytes.subarray(i, i + pieceBytes));
  return Readable.from(pieces);
}
