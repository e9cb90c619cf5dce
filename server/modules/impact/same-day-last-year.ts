// "Same day last year": the filter that selects what the previous campaign had by the same campaign
// day, under the same filters. The one definition of "versus last year" (CampaignProgress.sameDayLastYear).

import { addDays, daysBetween } from '../../common/dates';
import type { ImpactFilter } from './impact-filter.input';

interface CampaignDates {
  year: number;
  writingStarts: string;
}

/**
 * The previous campaign's filter for comparing with `filter` at `campaignDay`: its year, the same
 * area and type filters, dates moved to the same campaign days, and nothing after `campaignDay`.
 * Null when no such comparison exists: a case belongs to one campaign only.
 */
export function sameDayLastYearFilter(
  filter: ImpactFilter,
  current: CampaignDates,
  previous: CampaignDates,
  campaignDay: number,
): ImpactFilter | null {
  if (filter.caseIds?.length || filter.caseCountries?.length) return null;
  const shift = (date: string) => addDays(previous.writingStarts, daysBetween(current.writingStarts, date));
  const sameDay = addDays(previous.writingStarts, campaignDay);
  const to = filter.to && shift(filter.to) < sameDay ? shift(filter.to) : sameDay;
  return { ...filter, year: previous.year, from: filter.from ? shift(filter.from) : undefined, to };
}
