import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { loadCampaigns } from '../server/modules/campaigns/campaign.service';
import { parseCampaignFile, type CampaignDefinition } from '../server/modules/campaigns/campaign-file';
import { ReportIngest } from '../server/modules/reports/ingest';
import { createDemoAccounts } from '../server/modules/users/demo-accounts';
import type { ReportRow } from '../server/modules/reports/report-row';
import { demoCampaigns } from './demo-calendar';
import { buildGroups, generateCampaignReports, random } from './generate-reports';

export const campaignsFile = path.join(import.meta.dirname, 'campaigns.json');

export interface DemoSummary {
  campaigns: number;
  cases: number;
  outcomes: number;
  reports: number;
  actions: number;
  ms: number;
}

export interface DemoOptions {
  /** Multiplies every year's number of actions (tests load a tenth). */
  scale?: number;
  /**
   * The demo as it stands at this instant: the campaigns started by then (with placeholder
   * campaigns for seasons after seeds/campaigns.json), each with the reports made by then. Without
   * it, every campaign of the file, whole.
   */
  now?: Date;
}

/**
 * The demo data: the real campaigns 2013-2025 with their cases and outcomes, and generated reports.
 * The figures are illustrative: each year's total is about its goal, itself about 5% of the
 * published global figure (a section-sized share), not real counts.
 */
export async function loadDemoData(dataSource: DataSource, options: DemoOptions = {}): Promise<DemoSummary> {
  const started = Date.now();
  const demo = demoData(options);
  const loaded = await loadCampaigns(dataSource, demo.campaigns);
  let actions = 0;
  // One import batch through the same path as every CSV import, so the summary tables are exact.
  const reports = await dataSource.transaction(async (db) => {
    const [{ id: batchId }] = await db.query(`INSERT INTO import_batch (filename) VALUES ('demo data') RETURNING id`);
    const ingest = new ReportIngest(db, { source: 'IMPORT', batchId });
    await ingest.begin();
    let line = 1;
    let batch: { line: number; row: ReportRow }[] = [];
    for (const row of demo.reports()) {
      batch.push({ line: ++line, row });
      actions += row.count;
      if (batch.length === 5000) {
        await ingest.add(batch);
        batch = [];
      }
    }
    await ingest.add(batch);
    const result = await ingest.finish();
    if (result.errorCount > 0) throw new Error(`demo data rejected: ${JSON.stringify(result.errors.slice(0, 3))}`);
    await db.query(
      `UPDATE import_batch SET status = 'COMMITTED', finished_at = now(), rows_read = $2, rows_imported = $2 WHERE id = $1`,
      [batchId, result.imported],
    );
    return result.imported;
  });
  return { ...loaded, reports, actions, ms: Date.now() - started };
}

/** The demo's campaigns and their reports (deterministic: the same options give the same rows). */
export function demoData(options: DemoOptions = {}): { campaigns: CampaignDefinition[]; reports(): Generator<ReportRow> } {
  const file = parseCampaignFile(readFileSync(campaignsFile, 'utf8'), campaignsFile);
  const campaigns = options.now ? demoCampaigns(file, options.now) : file;
  const groups = demoGroups(file);
  return {
    campaigns,
    *reports() {
      const wobble = random(10);
      for (const c of campaigns) {
        const targetActions = Math.round((c.goal ?? 100_000) * (0.9 + wobble() * 0.2) * (options.scale ?? 1));
        yield* generateCampaignReports({ ...c, targetActions }, groups, { seed: 2001, until: options.now });
      }
    },
  };
}

/**
 * The pool of groups reports come from, drawn over the years of the file only, so that the groups of
 * past years stay the same whatever the day (placeholder seasons use the groups of the last year).
 */
export function demoGroups(file: CampaignDefinition[]) {
  const years = file.map((c) => c.year);
  return buildGroups({ seed: 2001, groups: 4000 }, Math.min(...years), Math.max(...years));
}

/**
 * On the embedded database's first start: the demo data as of `now` and, unless `production`, one
 * account per role (their passwords are public), unless campaigns exist.
 */
export async function loadDemoDataIfEmpty(dataSource: DataSource, now: Date, production: boolean): Promise<DemoSummary | null> {
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM campaign`);
  if (n > 0) return null;
  const summary = await loadDemoData(dataSource, { now });
  if (!production) await createDemoAccounts(dataSource);
  return summary;
}
