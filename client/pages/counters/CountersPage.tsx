import { useQuery } from '@apollo/client/react';
import { PageIntro } from '../../components/PageIntro';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useMessages } from '../../i18n/use-messages';
import { useDocumentTitle } from '../../use-document-title';
import { CounterForm } from './CounterForm';
import { CounterList } from './CounterList';
import { countersMessages } from './messages';
import { COUNTERS_QUERY } from './queries';
import './counters.css';

/** Public counters, for staff and admins: create one for a section website, copy its code, pause or remove it. */
export function CountersPage() {
  const { t } = useMessages('counters', countersMessages);
  const counters = useQuery(COUNTERS_QUERY);
  useDocumentTitle([t('title')]);

  const data = counters.data;
  return (
    <>
      <PageIntro title={t('title')} intro={t('intro')} />
      <QueryError title={t('list.loadError')} result={counters} />
      {data ? (
        <>
          <CounterForm years={data.campaigns.map((c) => c.year).sort((a, b) => b - a)} />
          <section aria-labelledby="counter-list-heading">
            <h2 id="counter-list-heading">{t('list.heading')}</h2>
            <CounterList counters={data.counters} />
          </section>
        </>
      ) : !counters.error ? (
        <TableSkeleton label={t('list.loading')} />
      ) : null}
    </>
  );
}
