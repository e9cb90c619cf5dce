import autocannon from 'autocannon';
import { campaign, givenCampaigns, givenReports, report } from '../test/support/fixtures';
import { createTestDatabase } from '../test/support/database';
import { startApp } from '../test/support/http';
import { printTable } from './results';

/**
 * A public counter's JSON asked at a fixed rate (default 1,000 requests/s) for `seconds`: latency,
 * errors, and how many times the counter was read from the database (bar: one per refresh interval).
 */
export async function counterBench(seconds: number, rate = 1000, refreshMs = 5000) {
  const db = await createTestDatabase();
  let reads = 0;
  try {
    await givenCampaigns(db.dataSource, campaign(2024));
    await givenReports(db.dataSource, Array.from({ length: 200 }, (_, i) => report({ count: 10 + (i % 40), country: ['US', 'BR', 'MX', 'CA'][i % 4] })));
    const query = db.dataSource.query.bind(db.dataSource);
    db.dataSource.query = ((sql: string, ...rest: unknown[]) => {
      if (sql.includes('FROM public_counter WHERE slug')) reads++;
      return (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
    }) as typeof db.dataSource.query;
    const app = await startApp(db.dataSource, { counterRefreshMs: refreshMs });
    try {
      const { data } = await app.graphql(`mutation { createCounter(input: { year: 2024, shows: [ACTIONS, COUNTRIES], title: "Bench" }) { slug } }`);
      const url = `${app.url}/c/${data.createCounter.slug}.json`;
      reads = 0;
      const result = await autocannon({ url, connections: 32, overallRate: rate, duration: seconds });
      const figures = {
        requestsPerSecond: Math.round(result.requests.average),
        requests: result.requests.total,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.non2xx + result.timeouts,
        databaseReads: reads,
        refreshIntervals: Math.ceil((seconds * 1000) / refreshMs),
      };
      printTable(`A public counter's JSON at ${rate} requests/s for ${seconds} s (refresh every ${refreshMs / 1000} s)`, [
        ['served', `${figures.requestsPerSecond} requests/s (${figures.requests} in all), p50 ${figures.p50} ms, p99 ${figures.p99} ms, ${figures.errors} errors`],
        ['database reads', `${figures.databaseReads} (bar: at most one per refresh interval, ${figures.refreshIntervals} intervals)`],
      ]);
      return figures;
    } finally {
      await app.stop();
    }
  } finally {
    await db.drop();
  }
}
