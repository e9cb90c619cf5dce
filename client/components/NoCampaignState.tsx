import { commonMessages } from '../i18n/common.messages';
import { useMessages } from '../i18n/use-messages';
import { QueryError, type RetryableQuery } from './QueryError';
import { EmptyState } from './StatusMessage';

interface NoCampaignStateProps {
  /** The campaigns query: its error, with a retry, when it failed. */
  result: RetryableQuery;
  /** What the page will show once a campaign is defined. */
  detail: string;
}

/** A page that needs a campaign has none: the campaigns could not be loaded, or none is defined yet. */
export function NoCampaignState({ result, detail }: NoCampaignStateProps) {
  const { t } = useMessages('common', commonMessages);
  if (result.error) return <QueryError title={t('state.campaignsFailed')} result={result} />;
  return (
    <EmptyState title={t('state.noCampaigns')}>
      <p>{detail}</p>
    </EmptyState>
  );
}
