import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { loadCampaigns } from '../server/modules/campaigns/campaign.service';
import { parseCampaignFile } from '../server/modules/campaigns/campaign-file';
import { insertReports } from '../server/modules/reports/report-writer';
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
  let reports = 0;
  let actions = 0;
  await dataSource.transaction(async (db) => {
    for (const c of definitions) {
      const targetActions = Math.round((c.goal ?? 100_000) * (0.9 + wobble() * 0.2) * (options.scale ?? 1));
      let batch: ReportRow[] = [];
      for (const row of generateCampaignReports({ ...c, targetActions }, groups, { seed: 2001 })) {
        batch.push(row);
        actions += row.count;
        if (batch.length === 5000) {
          reports += await insertReports(db, batch, { source: 'IMPORT' });
          batch = [];
        }
      }
      reports += await insertReports(db, batch, { source: 'IMPORT' });
    }
  });
  return { ...loaded, reports, actions, ms: Date.now() - started };
}

/** On the embedded database's first start: load the demo unless campaigns already exist. */
export async function loadDemoDataIfEmpty(dataSource: DataSource): Promise<DemoSummary | null> {
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM campaign`);
  return n === 0 ? loadDemoData(dataSource) : null;
}
