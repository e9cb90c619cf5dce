import type { CampaignDefinition } from '../server/modules/campaigns/campaign-file';
import { dateIn } from '../server/modules/impact/progress.service';

/**
 * Which campaigns the demo holds on a given day: the real ones of seeds/campaigns.json that have
 * started, and for every later season that has started a campaign whose cases are placeholders
 * (its real cases are not in the file; no invented person is presented as real). Writing starts
 * on 20 November and reports are due on 31 January, as in recent years.
 */
export const PLACEHOLDER_CASES = 8;

// Writers' countries for the placeholder cases: the cases themselves are not real.
const PLACEHOLDER_COUNTRIES = ['BR', 'KE', 'PH', 'TR', 'MX', 'NG', 'ID', 'PL'];

export function placeholderCampaign(year: number, goal: number | null | undefined): CampaignDefinition {
  return {
    year,
    name: `Write for Rights ${year} (demo: placeholder cases)`,
    writingStarts: `${year}-11-20`,
    writingEnds: `${year}-12-31`,
    reportingDeadline: `${year + 1}-01-31`,
    goal: goal ?? null,
    publishedGlobalTotal: null,
    timezone: 'Europe/London',
    cases: Array.from({ length: PLACEHOLDER_CASES }, (_, i) => ({
      slug: `demo-case-${i + 1}`,
      name: `Demo case ${i + 1} (placeholder)`,
      country: PLACEHOLDER_COUNTRIES[i % PLACEHOLDER_COUNTRIES.length],
      theme: 'OTHER' as const,
      summary: `A placeholder for the demo: the real cases of Write for Rights ${year} are not in seeds/campaigns.json. Not a real person.`,
      target: null,
      outcomes: [],
    })),
  };
}

/** The campaigns of `file` that have started by `now`, followed by a placeholder campaign for each later season that has. */
export function demoCampaigns(file: CampaignDefinition[], now: Date): CampaignDefinition[] {
  const started = file.filter((c) => dateIn(c.timezone, now) >= c.writingStarts);
  const last = file.reduce<CampaignDefinition | null>((a, c) => (!a || c.year > a.year ? c : a), null);
  const campaigns = [...started];
  for (let year = (last?.year ?? now.getUTCFullYear() - 1) + 1; ; year++) {
    const placeholder = placeholderCampaign(year, last?.goal);
    if (dateIn(placeholder.timezone, now) < placeholder.writingStarts) break;
    campaigns.push(placeholder);
  }
  return campaigns;
}

/** The campaign that takes reports on `now` (from writing's start to the reporting deadline), if any. */
export function runningCampaign<T extends Pick<CampaignDefinition, 'timezone' | 'writingStarts' | 'reportingDeadline'>>(
  campaigns: T[],
  now: Date,
): T | null {
  return campaigns.find((c) => {
    const today = dateIn(c.timezone, now);
    return today >= c.writingStarts && today <= c.reportingDeadline;
  }) ?? null;
}
