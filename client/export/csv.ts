import { csvLine } from '../../server/common/csv-cell';

// Tables as CSV files people open in a spreadsheet: the server's own cell writer (RFC 4180 quoting,
// formula cells = + - @ prefixed with an apostrophe), so a download and a snapshot's CSV agree.
// Numbers are written unformatted, so they stay numbers.

export type CsvValue = string | number | null | undefined;

/** A header line and one line per row, CRLF-separated as RFC 4180 says. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => csvLine([...row])).join('\r\n') + '\r\n';
}

/** A file name from words: "Actions by case 2025" → "actions-by-case-2025". */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'export'
  );
}
