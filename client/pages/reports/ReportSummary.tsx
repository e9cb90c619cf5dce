import { formatCount } from '../../format';
import { useMessages } from '../../i18n/use-messages';
import { commonMessages } from '../../i18n/common.messages';
import { reportsMessages } from './messages';
import type { RecentReport } from './queries';

/** One line saying which report a dialog is about: "120 × Letters, Ana Ruiz (2024), Group X". */
export function ReportSummary({ report }: { report: RecentReport }) {
  const { t } = useMessages('reports', reportsMessages);
  const common = useMessages('common', commonMessages);
  return (
    <p className="reports-dialog__summary">
      {t('dialog.summary', {
        count: formatCount(report.count),
        actionType: common.t(`actionType.${report.actionType}`),
        case: report.case.name,
        year: report.year,
        group: report.group?.name ?? common.t('groupType.INDIVIDUAL'),
      })}
    </p>
  );
}
