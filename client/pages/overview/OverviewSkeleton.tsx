import { LoadingState } from '../../components/LoadingState';
import { useMessages } from '../../i18n/use-messages';
import { overviewMessages } from './messages';
import { ChartCardSkeleton } from '../../charts/ChartSkeleton';

/** The page's h1 while no campaign name can stand in for it. */
export function PageTitle() {
  const { t } = useMessages('overview', overviewMessages);
  return <h1 className="visually-hidden">{t('pageTitle')}</h1>;
}

/** The shape of the page while the campaign and its figures arrive. */
export function OverviewSkeleton() {
  const { t } = useMessages('overview', overviewMessages);
  return (
    <LoadingState label={t('loading')} heading={<PageTitle />} className="page-skeleton">
      <div className="headline" aria-hidden="true">
        <div className="skeleton skeleton--title" />
        <div className="skeleton skeleton--line" />
        <div className="skeleton skeleton--counters" />
      </div>
      <ChartCardSkeleton />
    </LoadingState>
  );
}
