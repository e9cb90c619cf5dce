import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { REPORT_COLUMNS } from '../server/modules/reports/report-fields';
import type { ReportRow } from '../server/modules/reports/report-row';
import { buildGroups, generateCampaignReports } from '../seeds/generate-reports';

/**
 * The benchmark's data, deterministic: 12 campaigns (2014-2025) of 10 cases each (120 cases),
 * 50,000 groups, and as many reports as asked for, spread over the years like the real campaign grew.
 */
export const BENCH_YEARS = Array.from({ length: 12 }, (_, i) => 2014 + i);

export function benchCampaigns() {
  return BENCH_YEARS.map((year) => ({
    year,
    name: `Benchmark campaign ${year}`,
    writingStarts: `${year}-11-20`,
    writingEnds: `${year}-12-31`,
    reportingDeadline: `${year + 1}-01-31`,
    goal: 1_000_000,
    timezone: 'Europe/London',
    cases: Array.from({ length: 10 }, (_, i) => ({
      slug: `case-${year}-${i + 1}`,
      name: `Case ${i + 1} of ${year}`,
      country: ['IR', 'EG', 'CN', 'MX', 'TR', 'BY', 'SA', 'NG', 'GT', 'PH'][i],
      theme: 'OTHER',
    })),
  }));
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
  /** The campaigns to write reports of (default every one). */
  years?: number[];
}

/** Writes `reports` rows of benchmark data as a CSV file; returns the number of rows written. */
export async function writeBenchCsv(file: string, reports: number, { seed = 1, idPrefix = `B${seed}`, years = BENCH_YEARS }: BenchCsvOptions = {}): Promise<number> {
  const out = createWriteStream(file);
  out.write(`${REPORT_COLUMNS.join(',')}\n`);
  const groups = buildGroups({ seed, groups: 50_000, sizeFactor: 0.5 }, BENCH_YEARS[0], BENCH_YEARS.at(-1)!);
  const campaigns = benchCampaigns().filter((c) => years.includes(c.year));
  // later years get more reports, as the campaign grew
  const weights = campaigns.map((c) => 1 + BENCH_YEARS.indexOf(c.year) * 0.15);
  const total = weights.reduce((a, b) => a + b, 0);
  let written = 0;
  for (const [i, c] of campaigns.entries()) {
    const quota = i === campaigns.length - 1 ? reports - written : Math.round((reports * weights[i]) / total);
    let n = 0;
    for (const row of generateCampaignReports({ ...c, targetActions: Number.MAX_SAFE_INTEGER }, groups, { seed })) {
      if (n++ >= quota) break;
      if (!out.write(`${reportToCsvLine({ ...row, reportId: `${idPrefix}-${row.reportId}` })}\n`)) await once(out, 'drain');
    }
    written += quota;
  }
  out.end();
  await once(out, 'finish');
  return written;
}
