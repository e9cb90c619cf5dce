import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import type { Clock } from '../server/common/clock';
import { logger } from '../server/logger';
import { parseCampaignFile } from '../server/modules/campaigns/campaign-file';
import type { Campaign } from '../server/modules/campaigns/campaign.entity';
import { listCampaigns } from '../server/modules/campaigns/campaign.service';
import { dateIn } from '../server/modules/impact/progress.service';
import { submitReport } from '../server/modules/reports/report.service';
import type { ReportRow } from '../server/modules/reports/report-row';
import { campaignsFile, demoGroups } from './demo';
import { runningCampaign } from './demo-calendar';
import { generateCampaignReports, random } from './generate-reports';

export interface TrickleOptions {
  /** What time it is: reports are made now, for the campaign running today. */
  now: Clock;
  /** Time between two arrivals (default 3 s); each brings one to three reports. */
  everyMs?: number;
}

export interface Trickle {
  /** Stops the arrivals; resolves once the report being stored, if any, is stored. */
  stop(): Promise<void>;
}

/** A form's report: a handful of actions, never the hundreds a group sends once at the end. */
const MAX_COUNT = 20;

/**
 * While the embedded demo runs, reports keep arriving for the campaign running today, as forms send
 * them: each through submitReport, the path of every form, so summary tables, the data version, live
 * subscriptions and caches behave as in production. No campaign running (February to November):
 * nothing arrives.
 */
export function startDemoTrickle(dataSource: DataSource, options: TrickleOptions): Trickle {
  const everyMs = options.everyMs ?? 3000;
  const groups = demoGroups(parseCampaignFile(readFileSync(campaignsFile, 'utf8'), campaignsFile));
  // a new id for every run, so that a restarted demo never sends a stored id with other content
  const run = Date.now().toString(36);
  const rand = random(Date.now());
  const sources = new Map<number, Iterator<ReportRow> | null>();
  let sent = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let arriving: Promise<void> = Promise.resolve();

  /** The campaign's reports as the generator draws them, without end: who sends, on which case, what. */
  const rowsFor = async (campaign: Campaign): Promise<Iterator<ReportRow> | null> => {
    if (!sources.has(campaign.year)) {
      const cases: { slug: string }[] = await dataSource.query(`SELECT slug FROM "case" WHERE year = $1 ORDER BY id`, [campaign.year]);
      sources.set(
        campaign.year,
        cases.length ? generateCampaignReports({ ...campaign, cases, targetActions: Infinity }, groups, { seed: Date.now() }) : null,
      );
    }
    return sources.get(campaign.year)!;
  };

  const arrive = async () => {
    const now = options.now();
    const campaign = runningCampaign(await listCampaigns(dataSource), now);
    const rows = campaign && (await rowsFor(campaign));
    if (!campaign || !rows) return;
    const today = dateIn(campaign.timezone, now);
    for (let i = 1 + Math.floor(rand() * 3); i > 0 && !stopped; i--) {
      const row = rows.next().value as ReportRow;
      await submitReport(
        dataSource,
        {
          ...row,
          reportId: `DEMO-LIVE-${campaign.year}-${run}-${++sent}`,
          count: Math.min(row.count, 1 + Math.floor(rand() * MAX_COUNT)),
          reportedAt: now,
          writtenOn: today <= campaign.writingEnds ? today : null,
        },
        { userId: null },
      );
    }
  };

  const schedule = () => {
    timer = setTimeout(() => {
      arriving = arrive()
        .catch((error) => logger.warn({ err: error }, 'demo trickle: a report was not stored'))
        .finally(() => {
          if (!stopped) schedule();
        });
    }, everyMs);
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await arriving;
    },
  };
}
