import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { issueToken } from '../server/modules/users/session.service';
import { addUser } from '../server/modules/users/user.service';
import { bumpDataVersion } from '../server/data-version';
import type { DataSource } from 'typeorm';
import { createApp } from '../server/app';
import { BENCH_YEARS } from '../test/support/bench-data';
import { DASHBOARD_QUERY, YEAR_COMPARISON_QUERY } from '../test/support/dashboard-queries';
import { printTable } from './results';

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  samples: number;
}

export function percentiles(ms: number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const round = (v: number) => Math.round(v * 100) / 100;
  return { p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), mean: round(ms.reduce((a, b) => a + b, 0) / ms.length), samples: ms.length };
}

/**
 * Sequential requests over HTTP to the real app: the whole-dashboard `impact` request for a year
 * (with and without a region filter) and `yearComparison` over every year. Each request is timed
 * from send to parsed answer; a few warm-up requests first. Warm: at a steady data version, as
 * viewers see it between writes. Cold: the data version moved just before each request (as after
 * every new report), so nothing is cached and the answer is computed from the database.
 */
export async function queryBench(dataSource: DataSource, samples = 200, coldSamples = 30): Promise<Record<string, Latency>> {
  const secret = new TextEncoder().encode(randomBytes(32).toString('hex'));
  const app = await createApp(dataSource, { sessionSecret: secret, production: true });
  const staff = await addUser(dataSource, { email: `bench-${Date.now()}@bench.w4r`, role: 'staff', password: randomBytes(16).toString('hex') }, null);
  const token = await issueToken(dataSource, secret, { userId: staff.id, kind: 'script' }, 2 * 3600);
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql`;
  const post = async (query: string, variables: object) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body = await res.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors[0]));
    return body;
  };
  const time = async (query: string, variables: (i: number) => object) => {
    for (let i = 0; i < 5; i++) await post(query, variables(i));
    const ms: number[] = [];
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      await post(query, variables(i));
      ms.push(performance.now() - started);
    }
    return percentiles(ms);
  };
  const timeCold = async (query: string, variables: (i: number) => object) => {
    const ms: number[] = [];
    for (let i = 0; i < coldSamples; i++) {
      const version = await bumpDataVersion(dataSource.manager);
      const started = performance.now();
      const body = await post(query, variables(i));
      ms.push(performance.now() - started);
      // an answer of an older version would be a cache hit, not a cold answer
      if (body.extensions?.freshness?.dataVersion !== version) throw new Error(`cold request answered at version ${body.extensions?.freshness?.dataVersion}, expected ${version}`);
    }
    return percentiles(ms);
  };
  const regions = ['Americas', 'Europe and Central Asia', 'Asia-Pacific', 'Africa', 'Middle East and North Africa'];
  const latest = BENCH_YEARS.at(-1)!;
  try {
    const results = {
      dashboard: await time(DASHBOARD_QUERY, () => ({ filter: { year: latest } })),
      dashboardRegion: await time(DASHBOARD_QUERY, (i) => ({ filter: { year: latest, regions: [regions[i % regions.length]] } })),
      yearComparison: await time(YEAR_COMPARISON_QUERY, () => ({ years: BENCH_YEARS })),
      dashboardCold: await timeCold(DASHBOARD_QUERY, () => ({ filter: { year: latest } })),
      dashboardRegionCold: await timeCold(DASHBOARD_QUERY, (i) => ({ filter: { year: latest, regions: [regions[i % regions.length]] } })),
      yearComparisonCold: await timeCold(YEAR_COMPARISON_QUERY, () => ({ years: BENCH_YEARS })),
    };
    printTable('Query latency over HTTP, sequential (ms)', [
      ['whole dashboard, one year', `p50 ${results.dashboard.p50}  p99 ${results.dashboard.p99}  (bar p50 ≤ 15, p99 ≤ 50)`],
      ['whole dashboard, one region', `p50 ${results.dashboardRegion.p50}  p99 ${results.dashboardRegion.p99}  (bar p50 ≤ 15, p99 ≤ 50)`],
      [`yearComparison, ${BENCH_YEARS.length} years`, `p50 ${results.yearComparison.p50}  p99 ${results.yearComparison.p99}  (bar p50 ≤ 20)`],
      ['cold (data just changed): dashboard', `p50 ${results.dashboardCold.p50}  p99 ${results.dashboardCold.p99}`],
      ['cold: one region', `p50 ${results.dashboardRegionCold.p50}  p99 ${results.dashboardRegionCold.p99}`],
      ['cold: yearComparison', `p50 ${results.yearComparisonCold.p50}  p99 ${results.yearComparisonCold.p99}`],
    ]);
    return results;
  } finally {
    await app.stop();
  }
}
