import { useRef, useState, type ReactNode } from 'react';
import { fileSlug } from '../export/csv';
import { downloadPng } from '../export/png';
import { useMessages } from '../i18n/use-messages';
import { commonMessages } from '../i18n/common.messages';
import { errorMessage } from '../session';
import { DataTable, type Column } from './DataTable';

interface ChartCardProps<R> {
  title: string;
  /** One sentence that says what the chart shows: its text alternative, read before the chart. */
  summary: string;
  /** The chart's figures: a folded table (the chart's data-table alternative) and its CSV. */
  table: { columns: readonly Column<R>[]; rows: readonly R[]; rowKey: (row: R) => string };
  /** Controls of this chart (a toggle, a legend) beside its title. */
  actions?: ReactNode;
  /** The chart itself: it only draws. */
  children: ReactNode;
  /** h3 for a card under a section's own h2; h2 otherwise. */
  headingLevel?: 2 | 3;
}

/**
 * A chart with everything around it: title, one-line summary, the figures as a table, CSV and PNG
 * downloads. Every chart of the dashboard is one of these.
 */
export function ChartCard<R>({ title, summary, table, actions, children, headingLevel = 2 }: ChartCardProps<R>) {
  const { t } = useMessages('common', commonMessages);
  const figure = useRef<HTMLDivElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  // The table is built when first opened: folded tables (a row per day, a column per year) were most
  // of a page's elements, and most readers never open them.
  const [tableOpened, setTableOpened] = useState(false);
  const filename = fileSlug(title);
  const Heading = headingLevel === 3 ? 'h3' : 'h2';

  const savePng = async () => {
    setExportError(null);
    try {
      if (figure.current) await downloadPng(figure.current, `${filename}.png`);
    } catch (error) {
      setExportError(t('chart.exportFailed', { error: errorMessage(error) }));
    }
  };

  return (
    <section className="card chart-card" aria-label={title}>
      <div className="chart-card__head">
        <Heading>{title}</Heading>
        {actions ? <div className="chart-card__actions">{actions}</div> : null}
      </div>
      <p className="chart-card__summary">{summary}</p>
      <div className="chart-card__figure" ref={figure}>
        {children}
      </div>
      <details className="chart-card__table" onToggle={(event) => event.currentTarget.open && setTableOpened(true)}>
        <summary>{t('chart.showTable')}</summary>
        {tableOpened ? <DataTable caption={title} filename={filename} {...table} /> : null}
      </details>
      <div className="chart-card__downloads no-print">
        <button type="button" className="button button--secondary button--small" onClick={() => void savePng()}>
          {t('chart.downloadPng')}
          <span className="visually-hidden">: {title}</span>
        </button>
        {exportError ? (
          <p className="chart-card__error" role="alert">
            {exportError}
          </p>
        ) : null}
      </div>
    </section>
  );
}
