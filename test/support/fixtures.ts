import type { DataSource } from 'typeorm';
import { loadCampaigns } from '../../server/modules/campaigns/campaign.service';
import { parseCampaignFile, type CampaignDefinition } from '../../server/modules/campaigns/campaign-file';
import { ReportIngest } from '../../server/modules/reports/ingest';
import type { ReportRow } from '../../server/modules/reports/report-row';

/** A campaign definition with sensible defaults; override what the test is about. */
export function campaign(year: number, overrides: Partial<Record<keyof CampaignDefinition, unknown>> & Record<string, unknown> = {}) {
  return {
    year,
    name: `Write for Rights ${year}`,
    writingStarts: `${year}-11-20`,
    writingEnds: `${year}-12-31`,
    reportingDeadline: `${year + 1}-01-31`,
    goal: 1000,
    timezone: 'Europe/London',
    cases: [
      { slug: 'ana-ruiz', name: 'Ana Ruiz', country: 'MX', theme: 'HUMAN_RIGHTS_DEFENDER' },
      { slug: 'li-wen', name: 'Li Wen', country: 'CN', theme: 'PRISONER_OF_CONSCIENCE' },
    ],
    ...overrides,
  };
}

export async function givenCampaigns(db: DataSource, ...campaigns: object[]): Promise<void> {
  await loadCampaigns(db, parseCampaignFile(JSON.stringify(campaigns), 'fixture'));
}

let serial = 0;
/** A report with defaults; the case is the first of the fixture campaign. */
export function report(overrides: Partial<ReportRow> = {}): ReportRow {
  return {
    reportId: `T-${++serial}`,
    year: 2024,
    caseSlug: 'ana-ruiz',
    groupRef: null,
    groupName: null,
    groupType: null,
    actionType: 'LETTER',
    count: 10,
    writtenOn: null,
    reportedAt: '2024-12-10T12:00:00Z',
    country: 'US',
    region: 'Americas',
    subdivision: null,
    ...overrides,
    ...(overrides.groupRef && {
      groupName: overrides.groupName ?? `Group ${overrides.groupRef}`,
      groupType: overrides.groupType ?? 'LOCAL_GROUP',
    }),
  };
}

/** Stores reports through the same path as imports (summary tables included); fails on any error. */
export async function givenReports(db: DataSource, rows: ReportRow[]): Promise<void> {
  await db.transaction(async (m) => {
    const ingest = new ReportIngest(m, { source: 'IMPORT' });
    await ingest.begin();
    await ingest.add(rows.map((row, i) => ({ line: i + 1, row })));
    const result = await ingest.finish();
    if (result.errorCount) throw new Error(`fixture reports rejected: ${JSON.stringify(result.errors)}`);
  });
}
