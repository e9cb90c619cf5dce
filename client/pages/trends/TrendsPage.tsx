import { skipToken, useQuery } from '@apollo/client/react';
import { useEffect, useMemo } from 'react';
import { ChartSkeleton } from '../../charts/ChartSkeleton';
import { LoadingState } from '../../components/LoadingState';
import { NoCampaignState } from '../../components/NoCampaignState';
import { QueryError } from '../../components/QueryError';
import { toImpactFilter } from '../../filters/filter-params';
import { useCampaign } from '../../filters/use-filters';
import { useMessages } from '../../i18n/use-messages';
import { formatCount, formatList, formatShortDate, formatYear } from '../../format';
import { addDays, daysBetween } from '../../dates';
import { useDocumentTitle } from '../../use-document-title';
import { formatSignedPercent } from '../../format';
import { AlignmentChoice } from './AlignmentChoice';
import { SameDayCard } from './SameDayCard';
import { dayRange, defaultAsOfDay } from './same-day-table';
import { TrendsChartCard } from './TrendsChartCard';
import { YEAR_CURVES_QUERY } from '../../years/year-curves-query';
import { SAME_DAY_QUERY, type SameDayYear } from '../../years/same-day-query';
import { trendsMessages } from './messages';
import { useTrendsParams } from './use-trends-params';
import { YearChecklist } from '../../years/YearChecklist';
import './trends.css';
import { PageIntro } from '../../components/PageIntro';

/** Any campaigns side by side, aligned by campaign day or calendar date, and a same-day table. */
export function TrendsPage() {
  const { t } = useMessages('trends', trendsMessages);
  const { campaigns, campaign, filters, result: campaignsResult } = useCampaign();
  const base = campaign?.year ?? null;
  const available = useMemo(
    () => (campaignsResult.data ? campaigns.map((c) => c.year).sort((a, b) => b - a) : null),
    [campaignsResult.data, campaigns],
  );
  const params = useTrendsParams(available, base);
  const filter = base ? toImpactFilter(filters, base) : null;
  const result = useQuery(YEAR_CURVES_QUERY, filter ? { variables: { years: params.years, filter, align: params.align } } : skipToken);
  const series = (result.data ?? result.previousData)?.yearComparison;

  useDocumentTitle([t('title')]);

  // Today's day in the base year's own count (browser's date: close enough for a default).
  const today = new Date().toISOString().slice(0, 10);
  const todayDay = campaign
    ? daysBetween(params.align === 'CALENDAR_DATE' ? `${campaign.year}-12-01` : campaign.writingStarts, today)
    : 0;
  const range = series ? dayRange(series) : null;
  const chosenDayOk = params.day !== null && range !== null && params.day >= range.first && params.day <= range.last;
  const baseSeries = series?.find((s) => s.year === base);
  const day = chosenDayOk ? params.day : defaultAsOfDay(baseSeries, todayDay);
  const { setDay } = params;
  useEffect(() => {
    // A day outside the years' data is no choice: back to the default, in the address too.
    if (series && params.day !== null && !chosenDayOk) setDay(null);
  }, [series, params.day, chosenDayOk, setDay]);
  // In calendar view a day is a date of the year (1 December is day 0); else a campaign day.
  const dayName = (d: number) =>
    params.align === 'CALENDAR_DATE' && base ? formatShortDate(addDays(`${base}-12-01`, d)) : t('dayName', { day: d });
  const sameDay = useQuery(
    SAME_DAY_QUERY,
    filter && base && day !== null ? { variables: { baseYear: base, years: params.years, day, filter, align: params.align } } : skipToken,
  );
  // null until the server's comparison at this day is in
  const compared = (sameDay.data ?? sameDay.previousData)?.sameDayComparison;
  const rows = compared && compared.day === day ? compared.years : null;

  const head = (
    <PageIntro title={t('title')} intro={t('intro')} />
  );
  if (campaignsResult.error || (campaignsResult.data && !campaign)) {
    return (
      <>
        {head}
        <NoCampaignState result={campaignsResult} detail={t('noCampaignsDetail')} />
      </>
    );
  }

  const running = campaign ? today <= campaign.reportingDeadline : false;
  const emptyYears = (series ?? []).filter((s) => s.points.length === 0).map((s) => s.year);
  const oneCampaignOnly = filters.caseId !== null || filters.from !== null || filters.to !== null;

  return (
    <div className="trends">
      {head}
      <section className="card trends-controls" aria-label={t('years')}>
        {available && base ? (
          <YearChecklist
            legend={t('years')}
            years={available}
            selected={params.years}
            onChange={params.toggleYear}
            fixed={{ year: base, note: t('baseYear') }}
          />
        ) : (
          <div className="skeleton skeleton--line" aria-hidden="true" />
        )}
        <AlignmentChoice value={params.align} onChange={params.setAlign} />
        {oneCampaignOnly ? <p className="trends-note">{t('caseNote')}</p> : null}
      </section>
      {result.error && !series ? (
        <QueryError title={t('seriesFailed')} result={result} />
      ) : !series || !base ? (
        <LoadingState label={t('loading')} className="card">
          <ChartSkeleton />
        </LoadingState>
      ) : (
        <>
          {emptyYears.length > 0 ? (
            <p className="trends-note" role="note">
              {t('emptyYears', { count: emptyYears.length, years: formatList(emptyYears.map(formatYear)) })}
            </p>
          ) : null}
          <TrendsChartCard
            series={series}
            baseYear={base}
            running={running}
            align={params.align}
            day={day}
            dayName={dayName}
            summary={day !== null && rows === null ? t('loading') : summarize(t, rows ?? [], base, day === null ? null : dayName(day))}
          />
          <SameDayCard rows={rows ?? []} baseYear={base} day={day} dayName={dayName} range={range} onDay={setDay} />
        </>
      )}
    </div>
  );
}

type Translate = ReturnType<typeof useMessages<(typeof trendsMessages)['en']>>['t'];

/** "By day 73, 2025 had 29,007 actions: +8 % vs 2024, −3 % vs 2023." */
function summarize(t: Translate, rows: readonly SameDayYear[], base: number, day: string | null): string {
  const baseRow = rows.find((row) => row.year === base);
  if (day === null || !baseRow || baseRow.actions === null) {
    return rows.some((row) => row.actions !== null) ? t('summary.noBase', { year: base }) : t('summary.none');
  }
  const head = t('summary.head', { day, year: base, actions: formatCount(baseRow.actions) });
  const changes = rows
    .filter((row) => row.baseVsThis !== null)
    .map((row) => t('summary.vs', { change: formatSignedPercent(row.baseVsThis!), year: row.year }));
  return changes.length > 0 ? t('summary.withChanges', { head, changes: formatList(changes) }) : `${head}.`;
}
