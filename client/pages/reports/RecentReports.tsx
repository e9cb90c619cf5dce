import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState } from 'react';
import { DataTable } from '../../components/DataTable';
import { QueryError } from '../../components/QueryError';
import { EmptyState } from '../../components/StatusMessage';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useMessages } from '../../i18n/use-messages';
import { useSearchParam } from '../../url-state';
import { CorrectDialog } from './CorrectDialog';
import { reportsMessages } from './messages';
import { useReportColumns } from './report-columns';
import { MAX_SEARCH_LENGTH, parseReportSearch } from './report-search';
import { RECENT_REPORTS_QUERY, type RecentReport } from './queries';
import { RetractDialog } from './RetractDialog';

const PAGE_SIZE = 25;

interface RecentReportsProps {
  /** A report was retracted or corrected. */
  onChanged: () => void;
}

/** The latest reports of every status, searchable by report id, each active one retractable and correctable. */
export function RecentReports({ onChanged }: RecentReportsProps) {
  const { t } = useMessages('reports', reportsMessages);
  const titleId = useId();
  const searchId = useId();
  const [param, setParam] = useSearchParam('q');
  const search = parseReportSearch(param);
  const [draft, setDraft] = useState(search ?? '');
  // The cursors of the pages before this one, for a search: a new search starts on page 1.
  const [paging, setPaging] = useState<{ search: string | null; afters: (string | null)[] }>({ search, afters: [] });
  const afters = paging.search === search ? paging.afters : [];
  const after = afters.at(-1) ?? null;
  const [dialog, setDialog] = useState<{ kind: 'retract' | 'correct'; report: RecentReport } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const columns = useReportColumns((kind, report) => setDialog({ kind, report }));

  // A malformed ?q= in a link means no search; the address says so.
  useEffect(() => {
    if (param !== null && search === null) setParam(null, 'replace');
  }, [param, search, setParam]);
  // Back and forward change the search: the box follows.
  useEffect(() => setDraft(search ?? ''), [search]);

  const list = useQuery(RECENT_REPORTS_QUERY, {
    variables: { first: PAGE_SIZE, after, search },
    fetchPolicy: 'cache-and-network',
  });
  const page = (list.data ?? list.previousData)?.recentReports;
  const rows = page?.edges.map((edge) => edge.node);

  function onDone(message: string) {
    setDialog(null);
    setNotice(message);
    onChanged();
    requestAnimationFrame(() => noticeRef.current?.focus());
  }

  return (
    <section className="card reports-section" aria-labelledby={titleId} aria-busy={list.loading && list.networkStatus !== NetworkStatus.refetch}>
      <h2 id={titleId}>{t('list.title')}</h2>
      <p className="reports-section__intro">{t('list.intro')}</p>
      <form
        className="reports-search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setNotice(null);
          setParam(parseReportSearch(draft));
        }}
      >
        <label htmlFor={searchId}>{t('list.searchLabel')}</label>
        <div className="reports-search__row">
          <input
            id={searchId}
            type="search"
            value={draft}
            maxLength={MAX_SEARCH_LENGTH}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${searchId}-hint`}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button button--secondary">
            {t('list.search')}
          </button>
          {search ? (
            <button type="button" className="button button--secondary" onClick={() => setParam(null)}>
              {t('list.showAll')}
            </button>
          ) : null}
        </div>
        <p id={`${searchId}-hint`} className="reports-field__hint">
          {t('list.searchHint')}
        </p>
      </form>

      {notice ? (
        <p className="reports-notice" role="status" tabIndex={-1} ref={noticeRef}>
          {notice}
        </p>
      ) : null}

      {list.error && !rows ? (
        <QueryError title={t('list.failed')} result={list} />
      ) : !rows ? (
        <TableSkeleton label={t('list.loading')} />
      ) : rows.length === 0 && afters.length === 0 ? (
        <EmptyState title={search ? t('list.noMatch', { search }) : t('list.empty')}>
          <p>{search ? t('list.noMatchDetail') : t('list.emptyDetail')}</p>
        </EmptyState>
      ) : (
        <>
          <div className="reports-oneline">
            <DataTable
              caption={search ? t('list.captionSearch', { search }) : t('list.caption')}
              columns={columns}
              rows={rows}
              rowKey={(r) => r.id}
              filename="reports"
            />
          </div>
          <nav className="reports-paging" aria-label={t('list.title')}>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={afters.length === 0}
              onClick={() => setPaging({ search, afters: afters.slice(0, -1) })}
            >
              {t('list.previous')}
            </button>
            <span>{t('list.page', { page: afters.length + 1 })}</span>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={!page?.pageInfo.hasNextPage || list.loading}
              onClick={() => setPaging({ search, afters: [...afters, page!.pageInfo.endCursor] })}
            >
              {t('list.next')}
            </button>
          </nav>
        </>
      )}

      {dialog?.kind === 'retract' ? <RetractDialog report={dialog.report} onClose={() => setDialog(null)} onDone={onDone} /> : null}
      {dialog?.kind === 'correct' ? <CorrectDialog report={dialog.report} onClose={() => setDialog(null)} onDone={onDone} /> : null}
    </section>
  );
}
