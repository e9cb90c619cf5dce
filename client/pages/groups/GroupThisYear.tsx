import { DataTable } from '../../components/DataTable';
import { formatCount } from '../../format';
import type { ActionType } from '../../gql/graphql';
import { commonMessages } from '../../i18n/common.messages';
import { useMessages } from '../../i18n/use-messages';
import { groupsMessages } from './messages';

interface Total {
  actions: number;
  reports: number;
}

interface GroupThisYearProps {
  campaign: { name: string };
  impact: {
    totalActions: number;
    byCase: readonly (Total & { case: { id: string; name: string } })[];
    byActionType: readonly (Total & { key: string })[];
  };
}

/** The group's actions in the campaign shown, by case and by action type. */
export function GroupThisYear({ campaign, impact }: GroupThisYearProps) {
  const { t } = useMessages('groups', groupsMessages);
  const common = useMessages('common', commonMessages);
  const figures = [
    { label: t('col.actions'), value: (row: Total) => row.actions, render: (row: Total) => formatCount(row.actions), numeric: true },
    { label: t('col.reports'), value: (row: Total) => row.reports, render: (row: Total) => formatCount(row.reports), numeric: true },
  ];
  return (
    <section className="groups-this-year" aria-labelledby="groups-this-year-heading">
      <h2 id="groups-this-year-heading">{t('thisYear.title', { campaign: campaign.name })}</h2>
      {impact.totalActions === 0 ? (
        <p className="card">{t('thisYear.none', { campaign: campaign.name })}</p>
      ) : (
        <div className="page-grid">
          <div className="card">
            <DataTable
              caption={t('byCase.caption', { campaign: campaign.name })}
              columns={[{ label: t('col.case'), value: (row: GroupThisYearProps['impact']['byCase'][number]) => row.case.name }, ...figures]}
              rows={impact.byCase}
              rowKey={(row) => row.case.id}
            />
          </div>
          <div className="card">
            <DataTable
              caption={t('byType.caption', { campaign: campaign.name })}
              columns={[
                { label: t('col.actionType'), value: (row: GroupThisYearProps['impact']['byActionType'][number]) => common.t(`actionType.${row.key as ActionType}`) },
                ...figures,
              ]}
              rows={impact.byActionType}
              rowKey={(row) => row.key}
            />
          </div>
        </div>
      )}
    </section>
  );
}
