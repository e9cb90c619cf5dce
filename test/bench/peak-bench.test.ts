import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchCampaigns } from '../../bench/bench-data';
import { dashboardClient } from '../../bench/page-bench';
import { pageWaves } from '../../bench/page-requests';
import { peakAreas } from '../../bench/peak-bench';
import { openProbe, PROBE_AREA } from '../../bench/peak-probe';
import { NO_FILTERS } from '../../client/filters/filter-params';
import { parseCampaignFile } from '../../server/modules/campaigns/campaign-file';
import { loadCampaigns } from '../../server/modules/campaigns/campaign.service';
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

describe('peak bench: the open dashboard that times a write', () => {
  let db: TestDatabase;
  let app: RunningApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    await loadCampaigns(db.dataSource, parseCampaignFile(JSON.stringify(benchCampaigns()), 'bench'));
    app = await startApp(db.dataSource);
  });
  afterAll(async () => {
    await app?.stop();
    await db?.drop();
  });

  it('submits one report per probe in its own area and sees each in the event, then in the refetched figures', async () => {
    const [previous, campaign] = benchCampaigns().slice(-2);
    const token = await app.userToken('coordinator', [PROBE_AREA.region]);
    const probe = await openProbe(app.url, token, pageWaves('overview', campaign, previous, { ...NO_FILTERS, ...PROBE_AREA }));
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
