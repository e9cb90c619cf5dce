import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import type { DataSource } from 'typeorm';
import { issueToken } from '../server/modules/users/session.service';
import { addUser } from '../server/modules/users/user.service';
import { BENCH_YEARS } from '../test/support/bench-data';
import { startProductionServer } from './production-server';
import { DASHBOARD_QUERY } from '../test/support/dashboard-queries';
import { printTable } from './results';

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
  const token = await issueToken(dataSource, new TextEncoder().encode(secret), { userId: staff.id, kind: 'script' }, 2 * 3600);
  const server = await startProductionServer(databaseUrl, secret);
  try {
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
        url: `${server.url}/graphql`,
        connections: 16,
        duration: seconds,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
        requests: [{ method: 'POST', setupRequest: (req: object) => ({ ...req, body: JSON.stringify(bodies[Math.floor(Math.random() * bodies.length)]) }) }],
      });
    const shared = await run([{ query: DASHBOARD_QUERY, variables: { filter: { year: BENCH_YEARS.at(-1) } } }]);
    const rssShared = server.rssMb();
    const varied = await run(distinct.map((filter) => ({ query: DASHBOARD_QUERY, variables: { filter } })));
    const rssVaried = server.rssMb();
    const rare = await run(narrow.map((filter) => ({ query: DASHBOARD_QUERY, variables: { filter } })));
    const figures = {
      sharedDashboard: { requestsPerSecond: Math.round(shared.requests.average), p99: shared.latency.p99, errors: shared.errors + shared.non2xx },
      distinctFilters: { requestsPerSecond: Math.round(varied.requests.average), p99: varied.latency.p99, errors: varied.errors + varied.non2xx, filters: distinct.length },
      caseAndActionFilters: { requestsPerSecond: Math.round(rare.requests.average), p99: rare.latency.p99, errors: rare.errors + rare.non2xx + rare.timeouts, filters: narrow.length },
      serverRssMb: Math.max(rssShared, rssVaried, server.rssMb()),
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
    server.stop();
  }
}
