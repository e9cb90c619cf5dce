import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { useMessages } from '../../i18n/use-messages';
import { useDocumentTitle } from '../../use-document-title';
import { forgetFigures } from './forget-figures';
import { ImportHistory } from './ImportHistory';
import { reportsMessages } from './messages';
import { RecentReports } from './RecentReports';
import { UploadSection } from './UploadSection';
import './reports.css';
import { PageIntro } from '../../components/PageIntro';

/**
 * Reports, for staff and admins: import a CSV file (checked first if they like), the imports so
 * far, and the recent reports with their retraction and correction.
 */
export function ReportsPage() {
  const { t } = useMessages('reports', reportsMessages);
  const client = useApolloClient();
  const onDataChanged = useCallback(() => forgetFigures(client.cache), [client]);

  useDocumentTitle([t('title')]);

  return (
    <>
      <PageIntro title={t('title')} intro={t('intro')} />
      <UploadSection onImported={onDataChanged} />
      <ImportHistory />
      <RecentReports onChanged={onDataChanged} />
    </>
  );
}
