import type { Column } from '../../components/DataTable';
import { StatusBadge } from '../../components/StatusBadge';
import { countryName, formatCount, formatDate, formatDateTime, regionName } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import { commonMessages } from '../../i18n/common.messages';
import { reportsMessages } from './messages';
import type { RecentReport } from './queries';

const BADGE = { ACTIVE: 'solid', RETRACTED: 'outline', SUPERSEDED: 'dashed' } as const;

/**
 * The columns of the recent reports table. The status cell holds the reason, the replacement and,
 * for an active report, its Retract and Correct buttons: second in the row, so a phone shows them
 * without scrolling sideways.
 */
export function useReportColumns(onAction: (kind: 'retract' | 'correct', report: RecentReport) => void): Column<RecentReport>[] {
  const { t } = useMessages('reports', reportsMessages);
  const common = useMessages('common', commonMessages);
  const status = (r: RecentReport) => t(`status.${r.status}`);
  return [
    { label: t('col.reportId'), value: (r) => r.reportId, render: (r) => <span className="reports-id">{r.reportId}</span> },
    {
      label: t('col.status'),
      // the CSV holds the reason and the replacement too, as the cell shows them
      value: (r) => [status(r), r.statusReason, r.supersededBy && t('replacedBy', { reportId: r.supersededBy.reportId })].filter(Boolean).join(' · '),
      render: (r) => (
        <div className="reports-status">
          <StatusBadge kind={BADGE[r.status]} label={status(r)} />
          {r.supersededBy ? <span>{t('replacedBy', { reportId: r.supersededBy.reportId })}</span> : null}
          {r.statusReason ? <span className="reports-status__reason">{t('reason', { reason: r.statusReason })}</span> : null}
          {r.status === 'ACTIVE' ? (
            <span className="reports-status__actions">
              <button type="button" className="button button--secondary button--small" onClick={() => onAction('retract', r)}>
                {t('retract')}
                <span className="visually-hidden">{t('ofReport', { reportId: r.reportId })}</span>
              </button>
              <button type="button" className="button button--secondary button--small" onClick={() => onAction('correct', r)}>
                {t('correct')}
                <span className="visually-hidden">{t('ofReport', { reportId: r.reportId })}</span>
              </button>
            </span>
          ) : null}
        </div>
      ),
    },
    { label: t('col.count'), value: (r) => r.count, render: (r) => formatCount(r.count), numeric: true },
    { label: t('col.actionType'), value: (r) => common.t(`actionType.${r.actionType}`) },
    { label: t('col.case'), value: (r) => r.case.name },
    { label: t('col.year'), value: (r) => r.year },
    { label: t('col.group'), value: (r) => r.group?.name ?? common.t('groupType.INDIVIDUAL') },
    { label: t('col.country'), value: (r) => countryName(r.country) },
    { label: t('col.region'), value: (r) => regionName(r.region) },
    { label: t('col.reportedAt'), value: (r) => r.reportedAt, render: (r) => formatDateTime(r.reportedAt) },
    { label: t('col.writtenOn'), value: (r) => r.writtenOn ?? '', render: (r) => (r.writtenOn ? formatDate(r.writtenOn) : common.t('filters.notGiven')) },
    { label: t('col.storedAt'), value: (r) => r.createdAt, render: (r) => formatDateTime(r.createdAt) },
  ];
}
