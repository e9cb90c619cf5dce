import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { NO_FILTERS } from '../client/filters/filter-params';
import { peakData, writeBenchCsv } from '../test/support/bench-data';
import { benchUser, dashboardClient, type BusyRetries } from './page-bench';
import { pageWaves, type CampaignDates, type Wave } from './page-requests';
import { ErrorLog, spread, type Spread } from './peak-figures';
import { openProbe, PROBE_AREA, type ShownFigures } from './peak-probe';
import { startProductionServer } from './production-server';
import { printTable } from './results';

const READERS = 16;
/** Whole campaign, each region, and the top countries of each region: the issue's 43 areas. */
const AREAS = 43;
const WRITES_PER_SECOND = 5;

export interface PeakOptions {
  /** Each phase's length. */
  seconds: number;
  /** Rows of the CSV imported during phase C. */
  importRows: number;
}

interface Area {
  label: string;
  region: string | null;
  country: string | null;
}

interface PhaseFigures {
  seconds: number;
  /** Pages answered, their time (busy answers' waits included), pages failed after the client's retries. */
  pages: { count: number; perSecond: number; ms: Spread; errors: ErrorLog; busyRetried: number };
  writes?: { intended: number; made: number; ms: Spread; errors: ErrorLog; busyRetried: number };
  shown?: ShownFigures;
  import?: Record<string, unknown>;
  serverRssMb: number;
  /** The machine's 1-minute load average as the phase ends: other work on it slows every figure. */
  loadAverage: number;
}

/**
 * `npm run bench -- peak`: the December peak against the server as `npm start` runs it. 16 readers
 * open the overview (its own requests, as the page sends them) one page after another across 43
 * areas, each signed in as a reader of that area would be (staff for the whole campaign, the
 * region's coordinator for a region and its countries). Phase A: no writes (every answer cached
 * after one pass); B: forms submit 5 reports/s over the world, weighted as the latest campaign's
 * reports are; C: B plus a CSV import through /api/imports. In B and C an open dashboard
 * (peak-probe.ts) measures how long a write takes to show.
 */
export async function peakBench(dataSource: DataSource, databaseUrl: string, options: PeakOptions): Promise<Record<string, unknown>> {
  const { seconds, importRows } = options;
  const secretText = randomBytes(32).toString('hex');
  const secret = new TextEncoder().encode(secretText);
  const [campaign, previous] = await latestCampaigns(dataSource);
  if (!campaign.running) console.log(`  warning: campaign ${campaign.year} is not running today: its figures are final, not a peak's`);
  const countries: { region: string; country: string; actions: number }[] = await dataSource.query(
    `SELECT region, country, sum(actions)::float AS actions FROM rollup_daily WHERE year = $1 GROUP BY region, country`,
    [campaign.year],
  );
  const areas = peakAreas(countries);
  const staff = await benchUser(dataSource, secret, 'staff');
  const coordinators = new Map<string, string>();
  for (const region of new Set(countries.map((c) => c.region))) coordinators.set(region, await benchUser(dataSource, secret, 'coordinator', [region]));
  const readerOf = (area: Area) => (area.region ? coordinators.get(area.region)! : staff);
  const pagesOf = (area: Area): Wave[] =>
    pageWaves('overview', campaign, previous, { ...NO_FILTERS, region: area.region, country: area.country }, area.region ? 'coordinator' : 'staff');
  const importFile = path.join(tmpdir(), `w4r-peak-import-${importRows}.csv`);
  const server = await startProductionServer(databaseUrl, secretText);
  const graphqlUrl = `${server.url}/graphql`;
  // readers, forms and the probe send a busy answer again as the dashboard's client does
  const open = (area: Area, busy: BusyRetries) => dashboardClient(graphqlUrl, readerOf(area), busy).open(pagesOf(area));
  let probe: Awaited<ReturnType<typeof openProbe>> | undefined;
  try {
    // the same rows as the bench's latest campaign made by now, under new ids: a section's batch
    // arriving during the peak. New for each run: a run again on the same database would otherwise
    // import nothing but duplicates (45 of 100,000 rows stored in the second run of 7 Dec)
    const idPrefix = `PEAK${randomBytes(4).toString('hex')}`;
    await writeBenchCsv(importFile, importRows, { ...peakData(new Date()), idPrefix, years: [campaign.year] });
    const probeToken = await benchUser(dataSource, secret, 'coordinator', [PROBE_AREA.region]);
    probe = await openProbe(server.url, probeToken, pagesOf({ label: 'probe', ...PROBE_AREA }), campaign.year);
    // one pass over every area, READERS at a time: phase A starts with every answer cached
    const warming = new ErrorLog();
    for (let i = 0; i < areas.length; i += READERS) {
      await Promise.all(areas.slice(i, i + READERS).map((area) => open(area, { count: 0 }).catch((error) => warming.add(error))));
    }
    if (warming.count) console.log(`  warming up, ${warming.count} pages failed: ${warming.first.join(' | ')}`);

    const phase = async (name: string, writes: boolean, importing: boolean): Promise<PhaseFigures> => {
      const started = performance.now();
      const end = started + seconds * 1000;
      let imported: Promise<Record<string, unknown>> | undefined;
      let importDone = !importing;
      if (importing) imported = importThroughHttp(server.url, staff, importFile).finally(() => (importDone = true));
      // the phase lasts `seconds`, longer if the import is still running then
      const running = () => performance.now() < end || !importDone;
      const pageMs: number[] = [];
      const pageErrors = new ErrorLog();
      const pageBusy = { count: 0 };
      const readers = Array.from({ length: READERS }, async (_, reader) => {
        for (let i = reader; running(); i += READERS) {
          const area = areas[i % areas.length];
          try {
            pageMs.push((await open(area, pageBusy)).ms);
          } catch (error) {
            pageErrors.add(error);
          }
        }
      });
      // pages/s over the readers' own time: the last probe may still be waiting after they stopped
      const [readSeconds, writeFigures, shown] = await Promise.all([
        Promise.all(readers).then(() => (performance.now() - started) / 1000),
        writes ? submitForms(graphqlUrl, staff, campaign.year, countries, running) : undefined,
        writes ? probe!.measure(running) : undefined,
      ]);
      const figures: PhaseFigures = {
        seconds: round(readSeconds),
        pages: { count: pageMs.length, perSecond: round(pageMs.length / readSeconds), ms: spread(pageMs), errors: pageErrors, busyRetried: pageBusy.count },
        writes: writeFigures,
        shown,
        import: await imported,
        serverRssMb: server.rssMb(),
        loadAverage: round(loadavg()[0]),
      };
      printPhase(name, figures);
      return figures;
    };

    const phases = {
      A: await phase('A: no writes (every answer cached)', false, false),
      B: await phase(`B: forms submitting ${WRITES_PER_SECOND} reports/s`, true, false),
      C: await phase(`C: B plus an import of ${importRows.toLocaleString('en')} rows`, true, true),
    };
    const ratio = phases.A.pages.perSecond ? round(phases.B.pages.perSecond / phases.A.pages.perSecond) : null;
    console.log(`\n  peak pages/s over all-cached pages/s: ${ratio} (bar ≥ 0.5)`);
    return { readers: READERS, areas: areas.map((a) => a.label), secondsPerPhase: seconds, importRows, phases, peakOverCachedRate: ratio, serverLog: server.log };
  } finally {
    await probe?.close();
    server.stop();
    rmSync(importFile, { force: true });
  }
}

/**
 * The database's latest campaign (the one the peak reads and writes, running today if the data is
 * bench-data.ts's peakData) and the one before it.
 */
export async function latestCampaigns(dataSource: DataSource): Promise<[CampaignDates & { running: boolean }, CampaignDates | undefined]> {
  const rows: (CampaignDates & { running: boolean })[] = await dataSource.query(
    `SELECT year, to_char(writing_starts, 'YYYY-MM-DD') AS "writingStarts",
            (now() AT TIME ZONE timezone)::date BETWEEN writing_starts AND reporting_deadline AS running
     FROM campaign ORDER BY year DESC LIMIT 2`,
  );
  return [rows[0], rows[1] && { year: rows[1].year, writingStarts: rows[1].writingStarts }];
}

/** Whole campaign, then each region, then countries by their rank in their region (largest first), up to AREAS. */
export function peakAreas(countries: { region: string; country: string; actions: number }[]): Area[] {
  const regions = [...new Set(countries.map((c) => c.region))].sort();
  const ranked = regions.map((region) => countries.filter((c) => c.region === region).sort((a, b) => b.actions - a.actions));
  const deepest = Math.max(...ranked.map((r) => r.length));
  const inRankOrder = Array.from({ length: deepest }, (_, rank) => ranked.map((r) => r[rank]).filter(Boolean)).flat();
  return [
    { label: 'whole campaign', region: null, country: null },
    ...regions.map((region) => ({ label: region, region, country: null })),
    ...inRankOrder.map((c) => ({ label: `${c.region} / ${c.country}`, region: c.region, country: c.country })),
  ].slice(0, AREAS);
}

/**
 * Forms submitting WRITES_PER_SECOND reports a second while `running()`, each sent on time whether
 * or not the ones before it were answered (people do not wait for each other), in campaign `year`
 * (made now), each in a country drawn by its share of that campaign's actions.
 */
async function submitForms(url: string, token: string, year: number, countries: { region: string; country: string; actions: number }[], running: () => boolean) {
  const busy = { count: 0 };
  const client = dashboardClient(url, token, busy);
  const total = countries.reduce((sum, c) => sum + c.actions, 0);
  const draw = () => {
    let r = Math.random() * total;
    return countries.find((c) => (r -= c.actions) < 0) ?? countries.at(-1)!;
  };
  const ms: number[] = [];
  const errors = new ErrorLog();
  const sent: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; running(); i++) {
    await sleep(started + (i * 1000) / WRITES_PER_SECOND - performance.now());
    if (!running()) break;
    const { region, country } = draw();
    sent.push(client.submit(region, country, year, new Date().toISOString()).then((w) => void ms.push(w.ms), (error) => errors.add(error)));
  }
  await Promise.all(sent);
  return { intended: sent.length, made: ms.length, ms: spread(ms), errors, busyRetried: busy.count };
}

/** Posts the CSV file to /api/imports as staff do; its summary, or what went wrong. */
async function importThroughHttp(url: string, token: string, file: string): Promise<Record<string, unknown>> {
  const started = performance.now();
  const seconds = () => round((performance.now() - started) / 1000);
  try {
    const res = await fetch(`${url}/api/imports?filename=${path.basename(file)}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
      body: readFileSync(file),
    });
    const summary = await res.json();
    if (!res.ok) return { status: `HTTP ${res.status}`, error: JSON.stringify(summary).slice(0, 300), seconds: seconds() };
    // its steps (ms) say how long it held the summary rows the forms update: from `summaries` to `commit`
    return { status: summary.status, imported: summary.imported, seconds: seconds(), rowsPerSecond: summary.rowsPerSecond, steps: summary.timings };
  } catch (error) {
    return { status: 'failed', error: String(error instanceof Error ? error.message : error), seconds: seconds() };
  }
}

function printPhase(name: string, f: PhaseFigures): void {
  const ms = (s: Spread) => (s ? `p50 ${s.p50}  p95 ${s.p95}  p99 ${s.p99}  max ${s.max}` : 'none');
  const errors = (e: ErrorLog) => `${e.count}${e.first.length ? `: ${e.first.join(' | ')}` : ''}`;
  const rows: [string, string][] = [
    ['pages', `${f.pages.count} in ${f.seconds} s = ${f.pages.perSecond} pages/s`],
    ['page ms', ms(f.pages.ms)],
    ['page errors', errors(f.pages.errors)],
    ['busy answers sent again', `${f.pages.busyRetried} (pages), ${f.writes?.busyRetried ?? 0} (writes)`],
  ];
  if (f.writes) {
    rows.push(['writes made / intended', `${f.writes.made} / ${f.writes.intended}`], ['write ms', ms(f.writes.ms)], ['write errors', errors(f.writes.errors)]);
  }
  if (f.shown) {
    rows.push(
      ['write to event ms', `${ms(f.shown.event)}  (${f.shown.probes} probes)`],
      ['write to figures ms', `${ms(f.shown.figures)}  (${f.shown.notShown} given up; ${f.shown.busyRetried} busy answers sent again)`],
    );
    if (f.shown.errors.count) rows.push(['probe errors', errors(f.shown.errors)]);
  }
  if (f.import) rows.push(['import', JSON.stringify(f.import)]);
  rows.push(['server RSS', `${f.serverRssMb} MB`], ['load average (1 min)', `${f.loadAverage} on ${availableParallelism()} cores`]);
  printTable(`Peak, phase ${name}: ${READERS} readers over ${AREAS} areas, the overview as the browser opens it`, rows);
}

const round = (v: number) => Math.round(v * 100) / 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
