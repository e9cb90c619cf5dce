import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peakData, writeBenchCsv } from '../support/bench-data';
import { dashboardClient } from '../../bench/page-bench';
import { pageWaves } from '../../bench/page-requests';
import { latestCampaigns, peakAreas } from '../../bench/peak-bench';
import { openProbe, PROBE_AREA } from '../../bench/peak-probe';
import { NO_FILTERS } from '../../client/filters/filter-params';
import { parseCampaignFile } from '../../server/modules/campaigns/campaign-file';
import { loadCampaigns } from '../../server/modules/campaigns/campaign.service';
import { dateIn } from '../../server/modules/impact/progress.service';
import { importCsv } from '../../server/modules/imports/import-csv';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startApp, type RunningApp } from '../support/http';

// The parts of `npm run bench -- peak` that decide what it measures; the bench itself needs a
// server build and minutes, so it is run by hand (README, Performance).

describe('peak bench: the areas', () => {
  it('takes the whole campaign, every region, then the countries by their rank in their region, 43 in all', () => {
    const regions = ['Africa', 'Americas', 'Asia-Pacific', 'Europe', 'Middle East'];
    const countries = regions.flatMap((region, r) =>
      Array.from({ length: 9 }, (_, i) => ({ region, country: `${'ABCDE'[r]}${i}`, actions: 100 - i })),
    );
    const areas = peakAreas(countries);
    expect(areas).toHaveLength(43);
    expect(areas[0]).toEqual({ label: 'whole campaign', region: null, country: null });
    expect(areas.slice(1, 6).map((a) => [a.region, a.country])).toEqual(regions.map((r) => [r, null]));
    // the largest country of each region before any region's second
    expect(areas.slice(6, 11).map((a) => a.country)).toEqual(['A0', 'B0', 'C0', 'D0', 'E0']);
    expect(areas.at(-1)!.country).toBe('B7');
  });
});

describe('peak bench: busy answers', () => {
  it('are sent again as the dashboard client does, and counted; without retries a 503 is an error', async () => {
    let refusals = 2;
    const server = createServer((_req, res) => {
      const busy = refusals-- > 0;
      res.writeHead(busy ? 503 : 200, { 'content-type': 'application/json', ...(busy && { 'retry-after': '1' }) });
      res.end(JSON.stringify(busy ? { errors: [{ message: 'busy', extensions: { code: 'SERVICE_UNAVAILABLE' } }] } : { data: { ok: true } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    try {
      const busy = { count: 0 };
      expect(await dashboardClient(url, 'token', busy).post({ query: '{ ok }' })).toEqual({ data: { ok: true } });
      expect(busy.count).toBe(2);
      refusals = 1;
      await expect(dashboardClient(url, 'token').post({ query: '{ ok }' })).rejects.toThrow(/^503 .*busy/);
    } finally {
      server.close();
    }
  });
});

describe('peak bench: its data', () => {
  let db: TestDatabase;
  let app: RunningApp;
  let dir: string;
  const now = new Date();
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'w4r-peak-data-'));
    const file = path.join(dir, 'peak.csv');
    const [, database] = await Promise.all([writeBenchCsv(file, 3000, peakData(now)), createTestDatabase()]);
    db = database;
    await loadCampaigns(db.dataSource, parseCampaignFile(JSON.stringify(peakData(now).campaigns), 'bench'));
    const summary = await importCsv(db.dataSource, createReadStream(file), { filename: 'peak.csv' });
    expect(summary.errors).toEqual([]);
    app = await startApp(db.dataSource);
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has a latest campaign in progress today by the real clock, with reports made by now only, and last year by the same day', async () => {
    const [campaign, previous] = await latestCampaigns(db.dataSource);
    expect(campaign.running).toBe(true);
    const staff = dashboardClient(`${app.url}/graphql`, await app.userToken('staff'));
    const { answers } = await staff.open(pageWaves('overview', campaign, previous));
    const progress = answers.OverviewFigures.data.campaign.progress;
    expect({ final: progress.final, asOf: progress.asOf }).toEqual({ final: false, asOf: dateIn('Europe/London', now) });
    expect(progress.campaignDay).toBe(16);
    expect(answers.OverviewFigures.data.impact.totalActions).toBeGreaterThan(0);
    expect(answers.OverviewSameDayLastYear.data.campaign.progress.sameDayLastYear.figures.totalActions).toBeGreaterThan(0);
    const [{ late }] = await db.dataSource.query(`SELECT count(*)::int AS late FROM letter_report WHERE reported_at > $1`, [now]);
    expect(late).toBe(0);
  });
});

describe('peak bench: the open dashboard that times a write', () => {
  let db: TestDatabase;
  let app: RunningApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadCampaigns(db.dataSource, parseCampaignFile(JSON.stringify(peakData(new Date()).campaigns), 'bench'));
    app = await startApp(db.dataSource);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('submits one report per probe in its own area and sees each in the event, then in the refetched figures', async () => {
    const [campaign, previous] = await latestCampaigns(db.dataSource);
    const token = await app.userToken('coordinator', [PROBE_AREA.region]);
    const probe = await openProbe(app.url, token, pageWaves('overview', campaign, previous, { ...NO_FILTERS, ...PROBE_AREA }), campaign.year);
    let rounds = 0;
    const shown = await probe.measure(() => rounds++ < 2).finally(() => probe.close());
    expect(shown.errors.first).toEqual([]);
    expect({ probes: shown.probes, notShown: shown.notShown }).toEqual({ probes: 2, notShown: 0 });
    expect([shown.event!.samples, shown.figures!.samples]).toEqual([2, 2]);
    // each write's figures came after its event
    expect(shown.figures!.max).toBeGreaterThanOrEqual(shown.event!.max);
    const [{ actions }] = await db.dataSource.query(`SELECT sum(count)::int AS actions FROM letter_report WHERE country = $1`, [PROBE_AREA.country]);
    expect(actions).toBe(2);
  });
});
