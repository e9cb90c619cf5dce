import { useEffect, useId } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { countryName, formatCount } from '../../format';
import { commonMessages } from '../../i18n/common.messages';
import { useMessages } from '../../i18n/use-messages';
import { useSearchParam } from '../../url-state';
import { CASE_SORTS, parseCaseSort, searchCases, sortCases, type CaseRow, type RowLabels } from './case-rows';
import { casesMessages } from './messages';
import { OutcomeBadge } from '../../components/OutcomeBadge';

interface CaseListProps {
  year: number;
  rows: readonly CaseRow[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The campaign's cases: searchable (`?q=`) and sortable (`?sort=`); a case's name selects it. */
export function CaseList({ year, rows, selectedId, onSelect }: CaseListProps) {
  const { t, language } = useMessages('cases', casesMessages);
  const common = useMessages('common', commonMessages);
  const [query, setQuery] = useSearchParam('q');
  const [sortParam, setSort] = useSearchParam('sort');
  const sort = parseCaseSort(sortParam) ?? 'actions';
  // A sort the page does not know is no sort: take it out of the address.
  useEffect(() => {
    if (sortParam !== null && parseCaseSort(sortParam) === null) setSort(null, 'replace');
  }, [sortParam, setSort]);
  const searchId = useId();
  const sortId = useId();

  const collator = new Intl.Collator(language);
  const labels: RowLabels = {
    country: countryName,
    outcome: (row) => (row.badge ? common.t(`outcomeKind.${row.badge.kind}`) : ''),
    compare: collator.compare,
  };
  const shown = sortCases(searchCases(rows, query ?? '', labels), sort, labels);

  const columns: Column<CaseRow>[] = [
    {
      label: t('column.case'),
      value: (row) => row.name,
      render: (row) => (
        <button
          type="button"
          className="case-list__pick"
          aria-pressed={row.id === selectedId}
          onClick={() => onSelect(row.id)}
        >
          {row.name}
          {row.id === selectedId ? <span className="visually-hidden"> ({t('list.selected')})</span> : null}
        </button>
      ),
    },
    { label: t('column.country'), value: (row) => countryName(row.country) },
    { label: t('column.actions'), value: (row) => row.actions, render: (row) => formatCount(row.actions), numeric: true },
    { label: t('column.reports'), value: (row) => row.reports, render: (row) => formatCount(row.reports), numeric: true },
    {
      label: t('column.outcome'),
      value: (row) => labels.outcome(row) || t('badge.none'),
      render: (row) =>
        row.badge ? (
          <OutcomeBadge outcome={row.badge} />
        ) : (
          <span className="outcome-badge outcome-badge--none">{t('badge.none')}</span>
        ),
    },
  ];

  return (
    <section className="card case-list" aria-labelledby={`${searchId}-heading`}>
      <h2 id={`${searchId}-heading`}>{t('list.heading', { year })}</h2>
      <div className="case-list__controls no-print">
        <div className="case-list__field">
          <label htmlFor={searchId}>{t('list.search')}</label>
          <input
            id={searchId}
            type="search"
            value={query ?? ''}
            placeholder={t('list.searchHint')}
            // Each keystroke replaces the entry: back leaves the search, not one letter of it.
            onChange={(event) => setQuery(event.target.value, 'replace')}
          />
        </div>
        <div className="case-list__field">
          <label htmlFor={sortId}>{t('list.sort')}</label>
          <select id={sortId} value={sort} onChange={(event) => setSort(event.target.value === 'actions' ? null : event.target.value)}>
            {CASE_SORTS.map((key) => (
              <option key={key} value={key}>
                {t(`sort.${key}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="case-list__count" role="status">
        {t('list.shown', { shown: formatCount(shown.length), total: formatCount(rows.length) })}
      </p>
      {shown.length === 0 ? (
        <div className="case-list__none">
          <p>{t('list.noMatch', { query })}</p>
          <button type="button" className="button button--secondary button--small" onClick={() => setQuery(null)}>
            {t('list.clearSearch')}
          </button>
        </div>
      ) : (
        <DataTable
          caption={t('list.caption', { year })}
          filename={`cases-${year}`}
          columns={columns}
          rows={shown}
          rowKey={(row) => row.id}
        />
      )}
    </section>
  );
}
