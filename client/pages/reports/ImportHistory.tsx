import { useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { QueryError } from '../../components/QueryError';
import { EmptyState } from '../../components/StatusMessage';
import { StatusBadge } from '../../components/StatusBadge';
import { TableSkeleton } from '../../components/TableSkeleton';
import { formatCount, formatDateTime } from '../../format';
import type { ReportsImportHistoryQuery } from '../../gql/graphql';
import { useMessages } from '../../i18n/use-messages';
import { reportsMessages } from './messages';
import { IMPORT_HISTORY_QUERY } from './queries';

type ImportRow = ReportsImportHistoryQuery['imports'][number];

const SHOWN = 10;
const IMPORT_STATUSES = ['COMMITTED', 'REJECTED', 'RUNNING'];

/** The last imports: who sent which file when, and what came of it. */
export function ImportHistory() {
  const { t } = useMessages('reports', reportsMessages);
  const titleId = useId();
  const history = useQuery(IMPORT_HISTORY_QUERY, { variables: { first: SHOWN }, fetchPolicy: 'cache-and-network' });
  const imports = (history.data ?? history.previousData)?.imports;
  const status = (row: ImportRow) => (IMPORT_STATUSES.includes(row.status) ? t(`importStatus.${row.status as 'COMMITTED'}`) : row.status);
  const columns: Column<ImportRow>[] = [
    { label: t('history.when'), value: (row) => row.createdAt, render: (row) => formatDateTime(row.createdAt) },
    { label: t('history.file'), value: (row) => row.filename },
    { label: t('history.who'), value: (row) => row.createdBy?.email ?? t('history.commandLine') },
    {
      label: t('history.status'),
      value: status,
      render: (row) => <StatusBadge kind={row.status === 'COMMITTED' ? 'solid' : row.status === 'REJECTED' ? 'outline' : 'dashed'} label={status(row)} />,
    },
    { label: t('history.read'), value: (row) => row.rowsRead, render: (row) => formatCount(row.rowsRead), numeric: true },
    { label: t('history.imported'), value: (row) => row.rowsImported, render: (row) => formatCount(row.rowsImported), numeric: true },
    { label: t('history.duplicates'), value: (row) => row.rowsDuplicate, render: (row) => formatCount(row.rowsDuplicate), numeric: true },
    { label: t('history.rejected'), value: (row) => row.rowsRejected, render: (row) => formatCount(row.rowsRejected), numeric: true },
  ];

  return (
    <section className="card reports-section" aria-labelledby={titleId} aria-busy={!imports && !history.error}>
      <h2 id={titleId}>{t('history.title')}</h2>
      {history.error && !imports ? (
        <QueryError title={t('history.failed')} result={history} />
      ) : !imports ? (
        <TableSkeleton label={t('history.loading')} />
      ) : imports.length === 0 ? (
        <EmptyState title={t('history.empty')}>
          <p>{t('history.emptyDetail')}</p>
        </EmptyState>
      ) : (
        <div className="reports-oneline">
          <DataTable caption={t('history.caption')} columns={columns} rows={imports} rowKey={(row) => row.id} filename="imports" />
        </div>
      )}
    </section>
  );
}
