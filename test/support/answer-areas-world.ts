import type { DataSource } from 'typeorm';
import { campaign, givenCampaigns, givenReports, report } from './fixtures';

/** What the answer-areas tests write into: reports in Brazil and Poland in 2024, and Brazil in 2023. */
export const TOTAL_QUERY = 'query($filter: ImpactFilter!) { impact(filter: $filter) { totalActions } }';

export async function givenBrazilPolandAndThePastYear(dataSource: DataSource): Promise<void> {
  await givenCampaigns(dataSource, campaign(2023), campaign(2024));
  await givenReports(dataSource, [
    report({ count: 10, country: 'BR', region: 'Americas' }),
    report({ count: 20, country: 'PL', region: 'Europe and Central Asia' }),
    report({ count: 30, year: 2023, reportedAt: '2023-12-10T12:00:00Z', country: 'BR', region: 'Americas' }),
  ]);
}
