import { useEffect, useState } from 'react';
import { NoCampaignState } from '../../components/NoCampaignState';
import { TableSkeleton } from '../../components/TableSkeleton';
import { useCampaign } from '../../filters/use-filters';
import { useMessages } from '../../i18n/use-messages';
import { updateSearch, useSearch } from '../../url-state';
import { useDocumentTitle } from '../../use-document-title';
import { GroupDetail } from './GroupDetail';
import { parseGroupId, parseList, parseSearch } from './group-params';
import { groupsMessages } from './messages';
import { NotReportedList } from './NotReportedList';
import { startTrail } from './page-cursors';
import { RankingList } from './RankingList';
import { useParamLink } from './use-param-link';
import './groups.css';
import { PageIntro } from '../../components/PageIntro';

/**
 * Groups: the ranking (searchable, by pages), those not reported yet this campaign, and a group's
 * own page (`?group=<id>`). Its parameters (`?q=`, `?list=`, `?group=`) are in the address.
 */
export function GroupsPage() {
  const { t } = useMessages('groups', groupsMessages);
  const search = new URLSearchParams(useSearch());
  const groupId = parseGroupId(search.get('group'));
  const list = parseList(search.get('list'));
  const { campaign, campaigns, filters, result } = useCampaign();
  // The ranking's page, kept here so that back from a group returns to it.
  const [trail, setTrail] = useState(() => startTrail(''));

  useMalformedParamsDropped(search);
  useDocumentTitle(groupId ? null : [t('title')]);

  if (!result.data && !result.error) {
    return (
      <>
        <h1>{t('title')}</h1>
        <div className="card">
          <TableSkeleton label={t('state.loading')} lines={8} />
        </div>
      </>
    );
  }
  if (!campaign) {
    return (
      <>
        <h1>{t('title')}</h1>
        <NoCampaignState result={result} detail={t('state.noCampaignDetail')} />
      </>
    );
  }

  const campaignYears = campaigns.map((c) => c.year);
  if (groupId) return <GroupDetail id={groupId} campaign={campaign} campaignYears={campaignYears} filters={filters} />;
  return (
    <>
      <PageIntro title={t('title')} intro={t('intro', { campaign: campaign.name })} />
      <ListTabs current={list} />
      {list === 'ranking' ? (
        <RankingList campaign={campaign} filters={filters} trail={trail} onTrail={setTrail} />
      ) : (
        <NotReportedList campaign={campaign} hasPreviousCampaign={campaignYears.includes(campaign.year - 1)} filters={filters} />
      )}
    </>
  );
}

/** The two lists as links (each its own address), the current one marked. */
function ListTabs({ current }: { current: 'ranking' | 'not-reported' }) {
  const { t } = useMessages('groups', groupsMessages);
  const { href, follow } = useParamLink();
  const tabs = [
    { id: 'ranking', label: t('lists.ranking'), change: { list: null } },
    { id: 'not-reported', label: t('lists.notReported'), change: { list: 'not-reported' } },
  ] as const;
  return (
    <nav className="groups-tabs" aria-label={t('lists.label')}>
      {tabs.map((tab) => (
        <a
          key={tab.id}
          href={href(tab.change)}
          aria-current={tab.id === current ? 'page' : undefined}
          onClick={(event) => follow(event, tab.change)}
        >
          {tab.label}
        </a>
      ))}
    </nav>
  );
}

/** A hand-edited link: a group, list or search that cannot be one is taken out of the address. */
function useMalformedParamsDropped(search: URLSearchParams) {
  const bad = [
    search.has('group') && !parseGroupId(search.get('group')) ? 'group' : null,
    search.has('list') && search.get('list') !== parseList(search.get('list')) ? 'list' : null,
    search.has('q') && !parseSearch(search.get('q')) ? 'q' : null,
  ].filter((name): name is string => name !== null);
  const key = bad.join(',');
  useEffect(() => {
    if (key) updateSearch((params) => key.split(',').forEach((name) => params.delete(name)), 'replace');
  }, [key]);
}
