import type { ReactNode } from 'react';
import { downloadCsv } from '../export/download';
import { fileSlug, toCsv, type CsvValue } from '../export/csv';
import { useMessages } from '../i18n/use-messages';
import { commonMessages } from '../i18n/common.messages';
import { formatCount, formatYear } from '../format';

export interface Column<R> {
  label: string;
  /** The raw value: what the CSV holds (numbers unformatted). */
  value: (row: R) => CsvValue;
  /** What the table shows; the raw value when absent (a raw number as a year or a day: `formatYear`). */
  render?: (row: R) => ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
}

interface DataTableProps<R> {
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** The CSV file's name without extension; the caption's words when absent. */
  filename?: string;
  /** A row header: the first column names its row. */
  rowHeader?: boolean;
  /** The rows are one page of a longer list: its download says which rows it holds, in its label and its name. */
  part?: { from: number; to: number; total: number };
}

/** A table of figures with its CSV download: every table of the dashboard is one of these. */
export function DataTable<R>({ caption, columns, rows, rowKey, filename, rowHeader = true, part }: DataTableProps<R>) {
  const { t } = useMessages('common', commonMessages);
  const partial = part && part.to - part.from + 1 < part.total ? part : null;
  const download = () =>
    downloadCsv(
      toCsv(
        columns.map((column) => column.label),
        rows.map((row) => columns.map((column) => column.value(row))),
      ),
      `${fileSlug(filename ?? caption)}${partial ? `-${partial.from}-${partial.to}` : ''}.csv`,
    );
  return (
    <div className="data-table">
      <div className="data-table__scroll" tabIndex={0} role="region" aria-label={t('table.region', { caption })}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th scope="col" key={column.label} className={column.numeric ? 'numeric' : undefined}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column, index) => {
                  const raw = column.render ? null : column.value(row);
                  // a raw number is a year or a day: the language's digits, never grouped (٢٠٢٥)
                  const content = column.render ? column.render(row) : typeof raw === 'number' ? formatYear(raw) : raw;
                  const className = column.numeric ? 'numeric' : undefined;
                  return index === 0 && rowHeader ? (
                    <th scope="row" key={column.label} className={className}>
                      {content}
                    </th>
                  ) : (
                    <td key={column.label} className={className}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" className="button button--secondary button--small no-print" onClick={download}>
        {partial
          ? t('table.downloadCsvPart', { from: formatCount(partial.from), to: formatCount(partial.to), total: formatCount(partial.total) })
          : t('table.downloadCsv')}
        <span className="visually-hidden">: {caption}</span>
      </button>
    </div>
  );
}
