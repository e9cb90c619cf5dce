import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { loadCampaigns } from '../server/modules/campaigns/campaign.service';
import { parseCampaignFile } from '../server/modules/campaigns/campaign-file';
import { ReportIngest } from '../server/modules/reports/ingest';
import { createDemoAccounts } from '../server/modules/users/demo-accounts';
import type { ReportRow } from '../server/modules/reports/report-row';
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

/**
 * The demo data: the real campaigns 2013-2025 with their cases and outcomes, and generated reports.
 * The figures are illustrative: each year's total is about its goal, itself about 5% of the
 * published global figure (a section-sized share), not real counts.
 */
export async function loadDemoData(dataSource: DataSource, options: { scale?: number } = {}): Promise<DemoSummary> {
  const started = Date.now();
  const definitions = parseCampaignFile(readFileSync(campaignsFile, 'utf8'), campaignsFile);
  const loaded = await loadCampaigns(dataSource, definitions);
  const years = definitions.map((c) => c.year);
  const groups = buildGroups({ seed: 2001, groups: 4000 }, Math.min(...years), Math.max(...years));
  const wobble = random(10);
  let actions = 0;
  // One import batch through the same path as every CSV import, so the summary tables are exact.
  const reports = await dataSource.transaction(async (db) => {
    const [{ id: batchId }] = await db.query(`INSERT INTO import_batch (filename) VALUES ('demo data') RETURNING id`);
    const ingest = new ReportIngest(db, { source: 'IMPORT', batchId });
    await ingest.begin();
    let line = 1;
    for (const c of definitions) {
      const targetActions = Math.round((c.goal ?? 100_000) * (0.9 + wobble() * 0.2) * (options.scale ?? 1));
      let batch: { line: number; row: ReportRow }[] = [];
      for (const row of generateCampaignReports({ ...c, targetActions }, groups, { seed: 2001 })) {
        batch.push({ line: ++line, row });
        actions += row.count;
        if (batch.length === 5000) {
          await ingest.add(batch);
          batch = [];
        }
      }
      await ingest.add(batch);
    }
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

/** On the embedded database's first start: the demo data and one account per role, unless campaigns exist. */
export async function loadDemoDataIfEmpty(dataSource: DataSource): Promise<DemoSummary | null> {
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM campaign`);
  if (n > 0) return null;
  const summary = await loadDemoData(dataSource);
  await createDemoAccounts(dataSource);
  return summary;
}
