import { useMemo } from 'react';
import type { CumulativeRow } from '../../charts/cumulative-series';
import { ChartWhenVisible } from '../../charts/ChartWhenVisible';
import { CumulativeChart } from '../../charts/lazy-cumulative-chart';
import { ChartCard } from '../../components/ChartCard';
import type { Column } from '../../components/DataTable';
import { formatCount, formatDate, formatList, formatYear } from '../../format';
import { commonMessages } from '../../i18n/common.messages';
import { useMessages } from '../../i18n/use-messages';
import type { SameDayYear } from '../../years/same-day-query';
import { YearChecklist } from '../../years/YearChecklist';
import { cumulativeView } from './cumulative-view';
import type { OverviewCase } from './queries';
import { overviewMessages } from './messages';
import { formatSignedPercent } from '../../format';

interface CumulativeCardProps {
  year: number;
  writingStarts: string;
  /** Still running: its line stops at today instead of running flat to the end. */
  running: boolean;
  /** Null when the goal is not shown (filtered views, coordinators). */
  goal: number | null;
  cases: readonly OverviewCase[];
  /** The year's and the chosen past years' curves. */
  series: readonly { year: number; points: readonly { day: number; cumulative: number }[] }[];
  /** The server's comparison of the year with the chosen ones at its last day with data; null until it is in. */
  comparison: readonly SameDayYear[] | null;
  /** Every earlier campaign, newest first, and those chosen. */
  pastYears: readonly number[];
  chosen: readonly number[];
  onChoose: (year: number, on: boolean) => void;
}

/** This year's cumulative curve against chosen past years by campaign day, with case outcomes marked. */
export function CumulativeCard(props: CumulativeCardProps) {
  const { year, writingStarts, running, goal, cases, series, comparison, pastYears, chosen, onChoose } = props;
  const { t } = useMessages('overview', overviewMessages);
  const common = useMessages('common', commonMessages);
  const view = useMemo(
    () => cumulativeView(series, year, { running, goal, cases, writingStarts }),
    [series, year, running, goal, cases, writingStarts],
  );
  const summary = useSummary(view.rows, view.years, view.lastDay, comparison);
  const columns: Column<CumulativeRow>[] = [
    { label: t('column.day'), value: (row) => row.day },
    ...view.years.map((y) => ({
      label: String(y),
      value: (row: CumulativeRow) => row[y] ?? '',
      render: (row: CumulativeRow) => (row[y] == null ? '–' : formatCount(row[y])),
      numeric: true,
    })),
  ];

  const picker = (
    <details className="overview-compare">
      <summary>
        {chosen.length > 0 ? t('cumulative.compareYears', { years: formatList(chosen.map(formatYear)) }) : t('cumulative.compareNone')}
      </summary>
      {pastYears.length > 0 ? (
        <YearChecklist legend={t('cumulative.compare')} legendHidden years={pastYears} selected={chosen} onChange={onChoose} />
      ) : (
        <p>{t('cumulative.noOtherYears')}</p>
      )}
    </details>
  );

  return (
    <ChartCard
      title={t('cumulative.title')}
      summary={summary}
      actions={picker}
      table={{ columns, rows: view.rows, rowKey: (row) => String(row.day) }}
    >
      <ChartWhenVisible>
        <CumulativeChart
          rows={view.rows}
          years={view.years}
          valueTicks={view.valueTicks}
          ariaLabel={t('cumulative.aria', { summary })}
          xAxisLabel={t('cumulative.xAxis')}
          dayLabel={(day) => t('cumulative.day', { day })}
          goal={view.showGoal && goal ? { value: goal, label: t('cumulative.goal', { goal: formatCount(goal) }) } : null}
          marks={view.marks}
        />
      </ChartWhenVisible>
      <div className="overview-outcomes">
        <h3>{t('outcomes.title')}</h3>
        {view.outcomes.length === 0 ? (
          <p>{t('outcomes.none')}</p>
        ) : (
          <ol>
            {view.outcomes.map((outcome) => (
              <li key={`${outcome.caseName}-${outcome.date}-${outcome.kind}`}>
                {t('outcomes.item', {
                  date: formatDate(outcome.date),
                  day: outcome.day,
                  case: outcome.caseName,
                  kind: common.t(`outcomeKind.${outcome.kind}` as 'outcomeKind.RELEASED'),
                })}
                {outcome.value === null ? ` (${t('outcomes.after')})` : null}
              </li>
            ))}
          </ol>
        )}
      </div>
    </ChartCard>
  );
}

/** "2025: 29,007 actions by day 73. +8 % vs 2024 at the same day (26,877)."; the changes as the server computed them. */
function useSummary(rows: readonly CumulativeRow[], years: readonly number[], lastDay: number | null, comparison: readonly SameDayYear[] | null): string {
  const { t } = useMessages('overview', overviewMessages);
  const [year, ...others] = years;
  const last = rows.find((row) => row.day === lastDay);
  if (!last) return t('cumulative.summaryNone', { year });
  const parts = [t('cumulative.summaryHead', { year, total: formatCount(last[year]!), day: last.day })];
  for (const other of others) {
    const compared = comparison?.find((c) => c.year === other);
    if (compared?.baseVsThis != null) {
      parts.push(t('cumulative.summaryVs', { change: formatSignedPercent(compared.baseVsThis), year: other, value: formatCount(compared.actions ?? 0) }));
    }
  }
  return parts.join(' ');
}
