import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { REPORT_COLUMNS } from '../../server/modules/reports/report-fields';
import type { ReportRow } from '../../server/modules/reports/report-row';
import { buildGroups, generateCampaignReports } from '../../seeds/generate-reports';

/**
 * The benchmark's data, deterministic: 12 campaigns (2014-2025) of 10 cases each (120 cases),
 * 50,000 groups, and as many reports as asked for, spread over the years like the real campaign grew.
 */
export const BENCH_YEARS = Array.from({ length: 12 }, (_, i) => 2014 + i);

export type BenchCampaign = ReturnType<typeof benchCampaign>;

/** One benchmark campaign: writing from 20 November to 31 December, reports due on 31 January. */
function benchCampaign(year: number, dates = { writingStarts: `${year}-11-20`, writingEnds: `${year}-12-31`, reportingDeadline: `${year + 1}-01-31` }) {
  return {
    year,
    name: `Benchmark campaign ${year}`,
    ...dates,
    goal: 1_000_000,
    timezone: 'Europe/London',
    cases: Array.from({ length: 10 }, (_, i) => ({
      slug: `case-${year}-${i + 1}`,
      name: `Case ${i + 1} of ${year}`,
      country: ['IR', 'EG', 'CN', 'MX', 'TR', 'BY', 'SA', 'NG', 'GT', 'PH'][i],
      theme: 'OTHER',
    })),
  };
}

export function benchCampaigns(): BenchCampaign[] {
  return BENCH_YEARS.map((year) => benchCampaign(year));
}

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The peak bench's data as of `now`: a campaign still running by the real clock (writing began 16
 * days ago and ends in 15 days, reports due a month later), after the 12 years before it as
 * benchCampaigns has them, so that "same day last year" has data; only reports made by `now`.
 * The peak is measured on a campaign whose figures still move, not on a closed one (final).
 */
export function peakData(now: Date): { campaigns: BenchCampaign[]; until: Date } {
  const starts = now.getTime() - 16 * DAY;
  const year = new Date(starts).getUTCFullYear();
  const running = benchCampaign(year, {
    writingStarts: isoDate(starts),
    writingEnds: isoDate(now.getTime() + 15 * DAY),
    reportingDeadline: isoDate(now.getTime() + 46 * DAY),
  });
  return { campaigns: [...Array.from({ length: 12 }, (_, i) => benchCampaign(year - 12 + i)), running], until: now };
}

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function reportToCsvLine(r: ReportRow): string {
  return [
    r.reportId, r.year, r.caseSlug, r.groupRef, r.groupName, r.groupType, r.actionType, r.count, r.writtenOn,
    r.reportedAt, r.country, r.region, r.subdivision,
  ].map(csvCell).join(',');
}

export interface BenchCsvOptions {
  seed?: number;
  /** Starts every report_id (default `B<seed>`): another prefix gives the same rows as new reports. */
  idPrefix?: string;
  /** The calendar the reports are drawn from (default benchCampaigns()): its years decide the groups and the weights. */
  campaigns?: BenchCampaign[];
  /** The campaigns to write reports of (default every one). */
  years?: number[];
  /** Only reports made by this instant (reported_at): a running campaign as far as it has got. */
  until?: Date;
}

/**
 * Writes `reports` rows of benchmark data as a CSV file; returns the number of rows written. With
 * `until`, a campaign's rows are those made by then, as many as without it: the generator draws
 * further into the campaign (at most 1000 rows drawn per row written, else an error).
 */
export async function writeBenchCsv(
  file: string,
  reports: number,
  { seed = 1, idPrefix = `B${seed}`, campaigns: calendar = benchCampaigns(), years = calendar.map((c) => c.year), until }: BenchCsvOptions = {},
): Promise<number> {
  const out = createWriteStream(file);
  out.write(`${REPORT_COLUMNS.join(',')}\n`);
  const groups = buildGroups({ seed, groups: 50_000, sizeFactor: 0.5 }, calendar[0].year, calendar.at(-1)!.year);
  const campaigns = calendar.filter((c) => years.includes(c.year));
  // later years get more reports, as the campaign grew
  const weights = campaigns.map((c) => 1 + calendar.indexOf(c) * 0.15);
  const total = weights.reduce((a, b) => a + b, 0);
  let written = 0;
  for (const [i, c] of campaigns.entries()) {
    const quota = i === campaigns.length - 1 ? reports - written : Math.round((reports * weights[i]) / total);
    let n = 0;
    let drawn = 0;
    for (const row of generateCampaignReports({ ...c, targetActions: Number.MAX_SAFE_INTEGER }, groups, { seed })) {
      if (n >= quota) break;
      if (++drawn > 1000 * (quota + 1)) throw new Error(`campaign ${c.year}: almost no reports made by ${until!.toISOString()}`);
      if (until && Date.parse(row.reportedAt) > until.getTime()) continue;
      n++;
      if (!out.write(`${reportToCsvLine({ ...row, reportId: `${idPrefix}-${row.reportId}` })}\n`)) await once(out, 'drain');
    }
    written += quota;
  }
  out.end();
  await once(out, 'finish');
  return written;
}
