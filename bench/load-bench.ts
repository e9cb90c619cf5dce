import { freePort, TSX } from '../test/support/commands';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import type { DataSource } from 'typeorm';
import { signToken } from '../server/modules/users/session-token';
import { addUser } from '../server/modules/users/user.service';
import { BENCH_YEARS } from './bench-data';
import { DASHBOARD_QUERY } from './queries';
import { printTable } from './results';



const rssMb = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);

/**
 * 16 concurrent clients for 20 s against the server as it runs in production (its own process, the
 * built JavaScript under node, as `npm start`):
 * once all asking for the same dashboard (the December peak), once each request with another area
 * (year × region × country: every coordinator's and country team's view, 2,000+ questions), once
 * with case and action-type filters (group figures under them read the raw reports). Reports
 * requests/s, p99 and the server's memory.
 */
export async function loadBench(dataSource: DataSource, databaseUrl: string, seconds = 20) {
  const secret = randomBytes(32).toString('hex');
  const staff = await addUser(dataSource, { email: `load-${Date.now()}@bench.w4r`, role: 'staff', password: randomBytes(16).toString('hex') }, null);
  const token = await signToken(new TextEncoder().encode(secret), { userId: staff.id, kind: 'script' }, '2h');
  const port = await freePort();
  const root = path.resolve(import.meta.dirname, '..');
  // as `npm start` runs it: the built JavaScript under node with the flags of `npm run serve`
  execFileSync(TSX, ['server/cli/build-server.ts'], { cwd: root, stdio: 'inherit' });
  const server = spawn(process.execPath, serveArguments(root), {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', SESSION_SECRET: secret, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await waitForHealth(`http://127.0.0.1:${port}/healthz`);
    const serverPid = server.pid!;
    const areas: { region: string; country: string }[] = await dataSource.query(
      `SELECT DISTINCT region, country FROM rollup_daily ORDER BY region, country`,
    );
    const distinct = BENCH_YEARS.flatMap((year) => [
      { year },
      ...[...new Set(areas.map((a) => a.region))].map((region) => ({ year, regions: [region] })),
      ...areas.map((a) => ({ year, regions: [a.region], countries: [a.country] })),
    ]);
    const caseIds: { id: number; year: number }[] = await dataSource.query(`SELECT id, year FROM "case"`);
    const actions = ['LETTER', 'SOLIDARITY', 'EMAIL', 'PETITION'];
    const narrow = caseIds.flatMap((c) => actions.map((a) => ({ year: c.year, caseIds: [String(c.id)], actionTypes: [a] })));
    const run = (bodies: object[]) =>
      autocannon({
        url: `http://127.0.0.1:${port}/graphql`,
        connections: 16,
        duration: seconds,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
        requests: [{ method: 'POST', setupRequest: (req: object) => ({ ...req, body: JSON.stringify(bodies[Math.floor(Math.random() * bodies.length)]) }) }],
      });
    const shared = await run([{ query: DASHBOARD_QUERY, variables: { filter: { year: BENCH_YEARS.at(-1) } } }]);
    const rssShared = rssMb(serverPid);
    const varied = await run(distinct.map((filter) => ({ query: DASHBOARD_QUERY, variables: { filter } })));
    const rssVaried = rssMb(serverPid);
    const rare = await run(narrow.map((filter) => ({ query: DASHBOARD_QUERY, variables: { filter } })));
    const figures = {
      sharedDashboard: { requestsPerSecond: Math.round(shared.requests.average), p99: shared.latency.p99, errors: shared.errors + shared.non2xx },
      distinctFilters: { requestsPerSecond: Math.round(varied.requests.average), p99: varied.latency.p99, errors: varied.errors + varied.non2xx, filters: distinct.length },
      caseAndActionFilters: { requestsPerSecond: Math.round(rare.requests.average), p99: rare.latency.p99, errors: rare.errors + rare.non2xx + rare.timeouts, filters: narrow.length },
      serverRssMb: Math.max(rssShared, rssVaried, rssMb(serverPid)),
    };
    printTable(`16 concurrent clients, ${seconds} s each, server in its own process (NODE_ENV=production)`, [
      ['shared dashboard', `${figures.sharedDashboard.requestsPerSecond} requests/s, p99 ${figures.sharedDashboard.p99} ms (bar ≥ 1,500/s)`],
      [`distinct areas (${distinct.length})`, `${figures.distinctFilters.requestsPerSecond} requests/s, p99 ${figures.distinctFilters.p99} ms (bar ≥ 200/s)`],
      [`case × action filters (${narrow.length})`, `${figures.caseAndActionFilters.requestsPerSecond} requests/s, p99 ${figures.caseAndActionFilters.p99} ms, ${figures.caseAndActionFilters.errors} errors or timeouts`],
      ['server memory (RSS)', `${figures.serverRssMb} MB (bar ≤ 300)`],
      ['errors (shared, areas)', `${figures.sharedDashboard.errors + figures.distinctFilters.errors}`],
    ]);
    return figures;
  } finally {
    server.kill('SIGTERM');
  }
}

/** The arguments of `npm run serve` after `node` (the V8 flags and the built server). */
function serveArguments(root: string): string[] {
  const serve: string = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.serve;
  const [command, ...rest] = serve.trim().split(/\s+/);
  if (command !== 'node') throw new Error(`npm run serve should start node, not: ${serve}`);
  return rest;
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the server did not start');
}
