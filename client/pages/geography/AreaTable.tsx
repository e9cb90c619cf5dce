import type { Column } from '../../components/DataTable';
import { DataTable } from '../../components/DataTable';
import { formatCount, formatPercent } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import type { AreaFilters, ShareRow } from './drill-down';
import { geographyMessages } from './messages';
import { useDrill } from './use-drill';

interface AreaTableProps {
  title: string;
  caption: string;
  /** The header of the first column: Region, Country, Subdivision. */
  areaLabel: string;
  rows: readonly ShareRow[];
  nameOf: (row: ShareRow) => string;
  /** The filter change that opens a row; null for a row that cannot be opened ("not given"). */
  changeOf: (row: ShareRow) => Partial<AreaFilters> | null;
  selected: string | null;
}

/** One level of the drill-down: its areas with actions, share and reports, each a link one level down. */
export function AreaTable({ title, caption, areaLabel, rows, nameOf, changeOf, selected }: AreaTableProps) {
  const { t } = useMessages('geography', geographyMessages);
  const { href, follow } = useDrill();
  const columns: Column<ShareRow>[] = [
    {
      label: areaLabel,
      value: nameOf,
      render: (row) => {
        const change = changeOf(row);
        if (!change) return nameOf(row);
        const current = row.key === selected;
        return (
          <>
            <a href={href(change)} onClick={(event) => follow(event, change)} aria-current={current ? 'true' : undefined}>
              {nameOf(row)}
            </a>
            {current ? <span className="visually-hidden"> {t('table.selected')}</span> : null}
          </>
        );
      },
    },
    { label: t('col.actions'), value: (row) => row.actions, render: (row) => formatCount(row.actions), numeric: true },
    { label: t('col.share'), value: (row) => Number(row.share.toFixed(4)), render: (row) => formatShare(row.share), numeric: true },
    { label: t('col.reports'), value: (row) => row.reports, render: (row) => formatCount(row.reports), numeric: true },
  ];
  return (
    <section className="card geo-table" aria-label={title}>
      <h2>{title}</h2>
      <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.key} />
    </section>
  );
}

/** A share as a whole percentage; a small but real share is "<1 %", not a misleading "0 %". */
export function formatShare(share: number): string {
  return share > 0 && share < 0.005 ? `<${formatPercent(0.01)}` : formatPercent(share);
}
