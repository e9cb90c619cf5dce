import type { CumulativeRow } from '../charts/cumulative-series';
import { formatCount } from '../format';

interface ChartDataTableProps {
  rows: readonly CumulativeRow[];
  years: readonly number[];
  caption: string;
}

/** The chart's numbers as a table, folded away by default: the text alternative of the curve. */
export function ChartDataTable({ rows, years, caption }: ChartDataTableProps) {
  return (
    <details className="data-table">
      <summary>Show the data as a table</summary>
      <div className="data-table__scroll" tabIndex={0} role="region" aria-label={caption}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Campaign day</th>
              {years.map((year) => (
                <th scope="col" key={year}>
                  {year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.day}>
                <th scope="row">{row.day}</th>
                {years.map((year) => {
                  const value = row[year];
                  return <td key={year}>{value == null ? '–' : formatCount(value)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
