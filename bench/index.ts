import 'reflect-metadata';
import { baselineBench } from './baseline-bench';
import { runClientBench } from './client-bench';
import { counterBench } from './counter-bench';
import { importBench } from './import-bench';
import { loadBench } from './load-bench';
import { benchRegion, pageBench, type PageFigures } from './page-bench';
import { peakBench } from './peak-bench';
import type { Latency } from './query-bench';
import { queryBench } from './query-bench';
import { printTable, writeResults } from './results';
import { verifyBench, type VerifyFigures } from './verify-bench';
import { readEnv } from '../server/env';
import { configureLogger } from '../server/logger';
import { existingBenchDatabase, vacuumAnalyze } from './bench-database';
import { peakData } from '../test/support/bench-data';
import type { Database } from '../server/db/open-database';

const USAGE = `usage: npm run bench -- [import | pages | peak | counters | client] [--rows N] [--samples N] [--seconds N] [--peak-seconds N] [--import-rows N] [--no-baseline] [--baseline-samples N] [--runs N] [--database NAME] [--into NAME]
  (none)      import N reports (default 1,000,000; --rows 10000000 for the full size; the peak's
              calendar), then time every page as a browser opens it (the client's documents), cold
              and warm, whole campaign and one region, the dashboard queries over HTTP, many readers
              at once, the same through PostGraphile (the baseline), npm run verify, and last the
              peak (as below, --peak-seconds a phase, default 30): every bar in one run
  pages       import N reports, then only the pages (as above, without the baseline)
  peak        import N reports (default 200,000; the latest campaign running today by the real clock,
              its reports made by now), then the December peak against the server in its own
              process: 16 readers opening the overview across 43 areas, --seconds (default 30) with no
              writes, with forms submitting 5 reports/s, and with those plus an import of
              --import-rows (default 100,000); the time until a write shows on an open dashboard
  --database  (with none, pages or peak) measure an existing database a run imported earlier instead of
              importing N reports first (a 10 M import takes many minutes); its row count is read from it
  import      generate N rows as CSV and import them through the real path (into --into NAME, dropped
              and created first, to leave w4r_bench alone; default w4r_bench)
  counters    a public counter's JSON at 1,000 requests/s for --seconds (default 20): latency, errors
              and the database reads it cost
  client      the dashboard's initial JavaScript (gzip), its first render with data and every page's
              first chart or table in Chromium (--runs N cold visits, default 10), and Lighthouse
              mobile on the overview (--lighthouse-runs N, default 3)`;

// an entry point: LOG_LEVEL (warn under `npm run bench`) as the server would read it
configureLogger(readEnv());

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const value = Number(args[i + 1]?.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} needs a positive whole number\n${USAGE}`);
  return value;
};

const databaseArg = args.includes('--database') ? args[args.indexOf('--database') + 1] : undefined;
if (databaseArg !== undefined && !/^[a-z_][a-z0-9_]*$/.test(databaseArg)) throw new Error(`--database needs a database name\n${USAGE}`);

/** The reports to measure: imported now (the import's figures returned), or an earlier run's database. */
async function withReports(
  rows: number,
  measure: (db: Database & { url: string }) => Promise<void>,
  database?: string,
  data?: Parameters<typeof importBench>[3],
): Promise<{ rows: number; import?: Record<string, unknown> }> {
  if (!databaseArg) return { rows, import: await importBench(rows, measure, database, data) };
  const db = await existingBenchDatabase(databaseArg);
  try {
    const [{ count }] = await db.dataSource.query(`SELECT count(*)::int AS count FROM letter_report`);
    console.log(`Measuring ${databaseArg} (${count.toLocaleString('en')} reports, imported earlier)`);
    await measure(db);
    return { rows: count };
  } finally {
    await db.close();
  }
}

// the command is the one word that is neither an option nor an option's value
const takesValue = (a: string | undefined) => a?.startsWith('--') && a !== '--no-baseline';
const [command = 'all'] = args.filter((a, i) => !a.startsWith('--') && !takesValue(args[i - 1]));
if (command === 'import') {
  const into = args.includes('--into') ? args[args.indexOf('--into') + 1] : undefined;
  if (into !== undefined && !/^[a-z_][a-z0-9_]*$/.test(into)) throw new Error(`--into needs a database name\n${USAGE}`);
  await importBench(option('--rows', 1_000_000), undefined, into);
} else if (command === 'pages') {
  let pages: PageFigures = {};
  const { rows } = await withReports(option('--rows', 1_000_000), async (db) => {
    await vacuumAnalyze(db.url);
    pages = await pageBench(db.dataSource, option('--samples', 100));
  });
  console.log(`  written to ${writeResults(`pages-${rows}`, { pages })}`);
} else if (command === 'peak') {
  let peak: Record<string, unknown> = {};
  const { rows } = await withReports(option('--rows', 200_000), async (db) => {
    await vacuumAnalyze(db.url);
    peak = await peakBench(db.dataSource, db.url, { seconds: option('--seconds', 30), importRows: option('--import-rows', 100_000) });
    // its own database: a pages or import bench started meanwhile drops and recreates w4r_bench;
    // its own calendar: the latest campaign runs today by the real clock (test/support/bench-data.ts)
  }, 'w4r_bench_peak', peakData(new Date()));
  console.log(`  written to ${writeResults(`peak-${rows}`, peak)}`);
} else if (command === 'counters') {
  console.log(`  written to ${writeResults('counters', await counterBench(option('--seconds', 20)))}`);
} else if (command === 'client') {
  await runClientBench({ runs: option('--runs', 10), lighthouseRuns: option('--lighthouse-runs', 3) });
} else if (command === 'all') {
  let pages: PageFigures = {};
  let queries: Record<string, Latency> = {};
  let baseline: Record<string, Latency> | undefined;
  let baselineError: string | undefined;
  let load: Record<string, unknown> = {};
  let verify: VerifyFigures | undefined;
  let peak: Record<string, unknown> = {};
  const { rows, import: importFigures } = await withReports(option('--rows', 1_000_000), async (db) => {
    await vacuumAnalyze(db.url);
    pages = await pageBench(db.dataSource, option('--samples', 100));
    queries = await queryBench(db.dataSource, option('--samples', 200));
    load = await loadBench(db.dataSource, db.url, option('--seconds', 20));
    if (!args.includes('--no-baseline')) {
      // a failing baseline must not lose the rest of a long run: reported, and the results written
      try {
        baseline = await baselineBench(db.url, option('--baseline-samples', 10), (await benchRegion(db.dataSource)).region);
      } catch (error) {
        baselineError = String(error instanceof Error ? error.message : error);
        console.error(`\nThe baseline failed: ${baselineError}`);
      }
    }
    verify = await verifyBench(db.url);
    // last: its forms and its import add reports to the database
    peak = await peakBench(db.dataSource, db.url, { seconds: option('--peak-seconds', 30), importRows: option('--import-rows', 100_000) });
  }, undefined, peakData(new Date())); // the peak's calendar, so that the peak has a campaign running today
  // PostGraphile has no cache: compare it with ours both warm (as viewers see it) and cold (just after a write).
  // Pages: the same page's questions, ours as the browser sends them (warm and cold page figures).
  const ours = (k: string, cold: boolean) => (pages[k] ? pages[k][cold ? 'cold' : 'warm'] : queries[cold ? `${k}Cold` : k]);
  const ratio = (k: string, cold: boolean) => Math.round(baseline![k].p50 / ours(k, cold).p50);
  const ratios = baseline && Object.fromEntries(Object.keys(baseline).map((k) => [k, ratio(k, false)]));
  const coldRatios = baseline && Object.fromEntries(Object.keys(baseline).map((k) => [k, ratio(k, true)]));
  if (baseline) {
    printTable('The same through PostGraphile v5 + pg-aggregates on the same database (ms)', Object.entries(baseline).map(([k, b]) => [
      k, `p50 ${b.p50}  p99 ${b.p99}  → ours is ${ratios![k]}× faster at p50 (${coldRatios![k]}× cold)`,
    ]));
  }
  console.log(`  written to ${writeResults(`bench-${rows}`, { import: importFigures, pages, queries, load, baseline, baselineRatioP50: ratios, baselineRatioP50Cold: coldRatios, baselineError, verify, peak })}`);
} else {
  console.error(USAGE);
  process.exit(2);
}
