import type { DataSource } from 'typeorm';
import { daysBetween } from '../../common/dates';
import type { Campaign } from '../campaigns/campaign.entity';
import { forecastFinal } from './forecast';
import type { ImpactFilter } from './impact-filter.input';
import { ImpactService } from './impact.service';
import type { CampaignProgress } from './progress.types';
import { valueAtDay } from './same-day';

/** Today's date in a time zone, YYYY-MM-DD. */
export function dateIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * A campaign's progress as of `now`: while it runs, today in its time zone; once the reporting
 * deadline has passed, the deadline (or the last late report), with final figures.
 */
export async function campaignProgress(
  db: DataSource,
  impact: ImpactService,
  campaign: Campaign,
  filter: ImpactFilter,
  now: Date,
): Promise<CampaignProgress> {
  const [{ years }] = await db.query(`SELECT array_agg(year ORDER BY year) AS years FROM campaign WHERE year <= $1`, [campaign.year]);
  const series = await impact.yearComparison(years, filter, 'CAMPAIGN_DAY');
  const current = series.find((s) => s.year === campaign.year)!;
  const today = dateIn(campaign.timezone, now);
  const final = today > campaign.reportingDeadline;
  const lastDay = current.points.at(-1)?.date ?? campaign.writingStarts;
  const asOf = final ? (lastDay > campaign.reportingDeadline ? lastDay : campaign.reportingDeadline) : today;
  const campaignDay = daysBetween(campaign.writingStarts, asOf);
  const totalActions = valueAtDay(current.points, campaignDay);
  const past = series.filter((s) => s.year < campaign.year && s.total > 0);
  const previous = past.find((s) => s.year === campaign.year - 1);
  const forecast = forecastFinal(
    totalActions,
    past.map((s) => ({ year: s.year, atDay: valueAtDay(s.points, campaignDay), final: s.total })),
    final,
  );
  return {
    campaign,
    filter,
    asOf,
    campaignDay,
    final,
    totalActions,
    goal: campaign.goal,
    goalShare: campaign.goal ? totalActions / campaign.goal : null,
    lastYear: previous?.year ?? null,
    lastYearFinal: previous?.total ?? null,
    expectedShareByNow: forecast?.expectedShareByNow ?? null,
    forecast: forecast && { expected: forecast.expected, low: forecast.low, high: forecast.high, basedOnYears: forecast.basedOnYears },
    onPaceForGoal: forecast && campaign.goal ? forecast.expected >= campaign.goal : null,
  };
}
