import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadDemoData } from '../seeds/demo';
import { createDemoAccounts, DEMO_ACCOUNTS } from '../server/modules/users/demo-accounts';
import { freePort, TSX } from '../test/support/commands';
import { freshBenchDatabase } from './bench-database';
import { entryScript, splitChunks, type ViteManifest } from './client-chunks';
import { printTable, writeResults } from './results';

// The dashboard's budget (issue 6, item 12): initial JavaScript ≤ 250 KB gzip, and the overview's
// first render with data ≤ 1.5 s after navigation on localhost, in Debian's Chromium against the
// real server (its own process, NODE_ENV=production) on a PostgreSQL database with the full demo data.

const ROOT = path.resolve(import.meta.dirname, '..');
const CLIENT_DIR = path.join(ROOT, 'dist/client');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const BARS = { initialJsKbGzip: 250, firstRenderMs: 1500 };

interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** Sizes as the server sends them: gzip at zlib's default level, what its compression middleware uses. */
function sizeOf(file: string): ChunkSize {
  const bytes = readFileSync(path.join(CLIENT_DIR, file));
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
}

async function buildClient(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** The server as `npm start` runs it, on the given database, until `stop`. */
async function startServer(databaseUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const server: ChildProcess = spawn(TSX, ['server/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', SESSION_SECRET: randomBytes(32).toString('hex'), DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; ; ) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error('the server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      }),
  };
}

export interface RenderTimes {
  /** A new browser profile each time (nothing cached), already signed in: the first visit of a day. */
  cold: number[];
  /** The same tab reloaded (scripts from the browser's cache): a staff member coming back. */
  warm: number[];
  consoleErrors: string[];
}

/**
 * Milliseconds from navigation start to the moment the overview shows the campaign's total and its
 * cumulative chart has a line or a bar, read from performance.now() in the page at that moment
 * (polled every animation frame, so within ~16 ms).
 */
async function measureFirstRender(browser: Browser, url: string, runs: number): Promise<RenderTimes> {
  const staff = DEMO_ACCOUNTS.find((account) => account.role === 'staff')!;
  const signIn = await browser.newContext({ locale: 'en-GB' });
  const page = await signIn.newPage();
  await page.goto(url);
  await page.getByLabel('Email').fill(staff.email);
  await page.getByLabel('Password').fill(staff.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  const session = await signIn.storageState();
  await signIn.close();
  // The figure to wait for, as the page writes it (en-GB): the latest campaign's total.
  const cookie = session.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const post = (query: string, variables = {}) =>
    fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) }).then(
      (r) => r.json() as Promise<{ data: any }>,
    );
  const year = Math.max(...(await post('{ campaigns { year } }')).data.campaigns.map((c: { year: number }) => c.year));
  const { data } = await post('query($year: Int!) { impact(filter: { year: $year }) { totalActions } }', { year });
  const expected = new Intl.NumberFormat('en-GB').format(data.impact.totalActions);

  const consoleErrors: string[] = [];
  const drawn = (tab: Page) =>
    tab
      .waitForFunction(
        (total) => {
          const main = document.querySelector('main');
          const drawnSeries = main?.querySelector('.recharts-line-curve, .recharts-bar-rectangle');
          return main?.textContent?.includes(total) && drawnSeries ? performance.now() : false;
        },
        expected,
        { polling: 'raf', timeout: 30_000 },
      )
      .then((handle) => handle.jsonValue() as Promise<number>);

  const cold: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ locale: 'en-GB', storageState: session });
    const tab = await context.newPage();
    tab.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    await tab.goto(url, { waitUntil: 'commit' });
    cold.push(Math.round(await drawn(tab)));
    await context.close();
  }
  const context = await browser.newContext({ locale: 'en-GB', storageState: session });
  const tab = await context.newPage();
  tab.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  await tab.goto(url);
  await drawn(tab);
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    await tab.reload({ waitUntil: 'commit' });
    warm.push(Math.round(await drawn(tab)));
  }
  await context.close();
  return { cold, warm, consoleErrors };
}

export interface ClientBenchOptions {
  /** Measurements of each kind (default 10). */
  runs?: number;
  /** Build the client first (default true); false measures dist/client as it is. */
  build?: boolean;
}

export async function runClientBench({ runs = 10, build = true }: ClientBenchOptions = {}) {
  if (build) await buildClient();
  const manifest = JSON.parse(readFileSync(path.join(CLIENT_DIR, '.vite/manifest.json'), 'utf8')) as ViteManifest;
  const { initial, lazy } = splitChunks(manifest, entryScript(readFileSync(path.join(CLIENT_DIR, 'index.html'), 'utf8')));
  const initialSizes = initial.map(sizeOf);
  const lazySizes = lazy.map(sizeOf).sort((a, b) => b.gzipBytes - a.gzipBytes);
  const initialJsKbGzip = kb(initialSizes.reduce((sum, c) => sum + c.gzipBytes, 0));

  const database = await freshBenchDatabase('w4r_bench_client');
  let times: RenderTimes;
  try {
    const demo = await loadDemoData(database.dataSource);
    await createDemoAccounts(database.dataSource);
    console.log(`demo data: ${demo.reports.toLocaleString('en')} reports in ${Math.round(demo.ms / 1000)} s`);
    const server = await startServer(database.url);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      times = await measureFirstRender(browser, server.url, runs);
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    await database.close();
  }

  const firstRender = {
    cold: { medianMs: median(times.cold), maxMs: Math.max(...times.cold), runs: times.cold },
    warm: { medianMs: median(times.warm), maxMs: Math.max(...times.warm), runs: times.warm },
  };
  const figures = {
    initialJsKbGzip,
    initialChunks: initialSizes.map((c) => ({ file: c.file, kbGzip: kb(c.gzipBytes), kb: kb(c.bytes) })),
    lazyChunks: lazySizes.map((c) => ({ file: c.file, kbGzip: kb(c.gzipBytes), kb: kb(c.bytes) })),
    firstRender,
    consoleErrors: times.consoleErrors,
    // the median of cold visits: on a machine shared with other work the slowest run says more about the machine
    bars: { ...BARS, initialJsMet: initialJsKbGzip <= BARS.initialJsKbGzip, firstRenderMet: firstRender.cold.medianMs <= BARS.firstRenderMs },
  };
  printTable('Dashboard JavaScript, gzip as served', [
    [`initial (${initial.length} files)`, `${initialJsKbGzip} KB (bar ≤ ${BARS.initialJsKbGzip})`],
    ...lazySizes.map((c): [string, string] => [`  lazy ${c.file.replace(/^assets\//, '')}`, `${kb(c.gzipBytes)} KB`]),
  ]);
  printTable(`Overview, navigation to total and chart drawn, ${runs} runs (ms)`, [
    ['cold (new profile)', `median ${firstRender.cold.medianMs} (bar ≤ ${BARS.firstRenderMs}), max ${firstRender.cold.maxMs}`],
    ['warm (reload)', `median ${firstRender.warm.medianMs}, max ${firstRender.warm.maxMs}`],
    ['console errors', times.consoleErrors.length],
  ]);
  console.log(`  written to ${writeResults('client', figures)}`);
  return figures;
}
