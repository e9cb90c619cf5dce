// "Same day last year": the filter that selects what the previous campaign had by the same campaign
// day, under the same filters. Pure, unit-tested.

import type { ImpactFilter } from '../../gql/graphql';
import { daysBetween } from '../../charts/outcome-markers';

interface CampaignDates {
  year: number;
  writingStarts: string;
}

/** A YYYY-MM-DD date moved by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
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
