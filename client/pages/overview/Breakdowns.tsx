import type { Column } from '../../components/DataTable';
import { useMessages } from '../../i18n/use-messages';
import { commonMessages } from '../../i18n/common.messages';
import { regionName } from '../../format';
import { BreakdownCard, type BreakdownRow } from './BreakdownCard';
import { OutcomeBadges, uniqueKinds } from '../../components/OutcomeBadge';
import type { OverviewImpact } from './queries';
import { overviewMessages } from './messages';

interface BreakdownsProps {
  impact: OverviewImpact;
  /** Outcomes from this day on are the campaign's results; earlier ones are the case's history. */
  writingStarts: string;
}

/** Actions by type, by region and by case (with its outcomes as badges). */
export function Breakdowns({ impact, writingStarts }: BreakdownsProps) {
  const { t } = useMessages('overview', overviewMessages);
  const { t: tc } = useMessages('common', commonMessages);

  const byType: BreakdownRow[] = impact.byActionType.map((row) => ({
    ...row,
    label: tc(`actionType.${row.key}` as 'actionType.LETTER'),
  }));
  const outcomesOf = new Map(
    impact.byCase.map((row) => [row.case.id, uniqueKinds(row.case.outcomes.filter((o) => o.date >= writingStarts))]),
  );
  const byCase: BreakdownRow[] = impact.byCase.map((row) => ({
    key: row.case.id,
    label: row.case.name,
    actions: row.actions,
    reports: row.reports,
    extra: <OutcomeBadges outcomes={outcomesOf.get(row.case.id) ?? []} />,
  }));
  const outcomeColumn: Column<BreakdownRow> = {
    label: t('column.outcomes'),
    value: (row) => (outcomesOf.get(row.key) ?? []).map((o) => tc(`outcomeKind.${o.kind}`)).join('; '),
  };

  return (
    <>
      <div className="page-grid">
        <BreakdownCard title={t('actionType.title')} keyLabel={t('column.type')} rows={byType} />
        <BreakdownCard title={t('region.title')} keyLabel={t('column.region')} rows={impact.byRegion.map((row) => ({ ...row, label: regionName(row.label) }))} />
      </div>
      <BreakdownCard title={t('case.title')} keyLabel={t('column.case')} rows={byCase} extraColumns={[outcomeColumn]} />
    </>
  );
}
