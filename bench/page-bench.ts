import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { NO_FILTERS } from '../client/filters/filter-params';
import { createApp } from '../server/app';
import { issueToken } from '../server/modules/users/session.service';
import { addUser } from '../server/modules/users/user.service';
import { benchCampaigns, BENCH_YEARS } from '../test/support/bench-data';
import { pageWaves, PAGES, type Answers, type PageName, type Wave } from './page-requests';
import { percentiles, type Latency } from './query-bench';
import { printTable } from './results';

const SUBMIT_REPORT = `mutation BenchSubmitReport($input: ReportInput!) { submitReport(input: $input) { id } }`;

export interface Reader {
  label: string;
  role: 'staff' | 'coordinator';
  token: string;
  /** Where this reader's writes go (a coordinator may only write in their region). */
  region: string;
  country: string;
}

/** The busy answers (503) a client sent again. */
export interface BusyRetries {
  count: number;
}

/** Attempts at one request in all, as the dashboard's client makes them (client/busy/busy-link.ts). */
const BUSY_ATTEMPTS = 6;

/**
 * A client of the dashboard's HTTP API, as one signed-in reader. With `retries`, a busy answer
 * (503) is sent again as the dashboard's client does (Apollo's RetryLink with full jitter: the
 * n-th wait drawn between 0 and 1 s × 2ⁿ, at most 8 s, six attempts in all) and counted there.
 */
export function dashboardClient(url: string, token: string, retries?: BusyRetries) {
  const post = async (body: object) => {
    for (let attempt = 1; ; attempt++) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      const answer = await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}` }] }));
      if (retries && res.status === 503 && attempt < BUSY_ATTEMPTS) {
        retries.count++;
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(8000, 1000 * 2 ** attempt)));
        continue;
      }
      if (!res.ok || answer.errors) throw new Error(`${res.status} ${JSON.stringify(answer.errors?.[0] ?? answer).slice(0, 200)}`);
      return answer;
    }
  };
  let written = 0;
  return {
    post,
    /**
     * Opens a page: each wave's requests in parallel, the next wave once they are answered. Returns
     * the time until the last answer, the oldest data version answered and the answers by operation.
     */
    async open(waves: Wave[]): Promise<{ ms: number; oldestVersion: number; answers: Answers }> {
      const answers: Answers = {};
      let oldestVersion = Infinity;
      const started = performance.now();
      for (const wave of waves) {
        const requests = wave(answers);
        const bodies = await Promise.all(requests.map((r) => post(r)));
        bodies.forEach((body, i) => {
          answers[requests[i].operationName] = body;
          oldestVersion = Math.min(oldestVersion, body.extensions?.freshness?.dataVersion ?? Infinity);
        });
      }
      return { ms: performance.now() - started, oldestVersion, answers };
    },
    /** Submits one report as a form does; returns the data version it made and its latency. */
    async submit(region: string, country: string, year = BENCH_YEARS.at(-1)!, reportedAt = `${year}-12-10T12:00:00Z`): Promise<{ ms: number; version: number }> {
      const started = performance.now();
      const body = await post({
        query: SUBMIT_REPORT,
        variables: {
          input: {
            reportId: `bench-${process.pid}-${Date.now()}-${randomBytes(4).toString('hex')}-${written++}`,
            year, caseSlug: `case-${year}-${(written % 10) + 1}`, actionType: 'LETTER', count: 1,
            reportedAt, country, region,
          },
        },
      });
      return { ms: performance.now() - started, version: body.extensions?.freshness?.dataVersion ?? 0 };
    },
  };
}

/** A new staff member, or a coordinator of `regions`: their bearer token, signed by `secret`. */
export async function benchUser(dataSource: DataSource, secret: Uint8Array, role: 'staff' | 'coordinator', regions: string[] = []): Promise<string> {
  const user = await addUser(dataSource, { email: `bench-${role}-${randomBytes(4).toString('hex')}@bench.w4r`, role, regions, password: randomBytes(16).toString('hex') }, null);
  return issueToken(dataSource, secret, { userId: user.id, kind: 'script' }, 4 * 3600);
}

/** A staff member and a coordinator of `region`, with bearer tokens signed by `secret`. */
export async function benchReaders(dataSource: DataSource, secret: Uint8Array, region: string, country: string): Promise<Reader[]> {
  return [
    { label: 'whole campaign', role: 'staff', token: await benchUser(dataSource, secret, 'staff'), region, country },
    { label: 'one region', role: 'coordinator', token: await benchUser(dataSource, secret, 'coordinator', [region]), region, country },
  ];
}

export type PageFigures = Record<string, { warm: Latency; cold: Latency; staleColdAnswers: number }>;

/** The region the "one region" figures are of: the latest campaign's largest. */
export async function benchRegion(dataSource: DataSource): Promise<{ region: string; country: string }> {
  const [top] = await dataSource.query(
    `SELECT region, country FROM rollup_daily WHERE year = $1 GROUP BY region, country ORDER BY sum(actions) DESC LIMIT 1`, [BENCH_YEARS.at(-1)],
  );
  return top;
}

/**
 * Every page as a browser opens it (bench/page-requests.ts), timed over HTTP against the real app:
 * warm (the same page again at a steady data version) and cold (right after the reader submitted a
 * report in the area shown, so that no cached answer may serve it). Page latency: from the first
 * request to the last answer, each wave's requests in parallel. Whole campaign as staff, one region
 * as its coordinator (the reports page is staff's only). Bars at 10 M: cold p50 ≤ 60, p99 ≤ 200.
 */
export async function pageBench(dataSource: DataSource, samples = 100, coldSamples = 30): Promise<PageFigures> {
  const secret = new TextEncoder().encode(randomBytes(32).toString('hex'));
  const app = await createApp(dataSource, { sessionSecret: secret, production: true });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql`;
  const { region, country } = await benchRegion(dataSource);
  const campaigns = benchCampaigns();
  const campaign = campaigns.at(-1)!;
  const previous = campaigns.at(-2);
  const figures: PageFigures = {};
  try {
    for (const reader of await benchReaders(dataSource, secret, region, country)) {
      const client = dashboardClient(url, reader.token);
      for (const page of PAGES) {
        if (page === 'reports' && reader.label !== 'whole campaign') continue;
        const waves = pageWaves(page as PageName, campaign, previous, NO_FILTERS, reader.role);
        for (let i = 0; i < 3; i++) await client.open(waves);
        const warm: number[] = [];
        for (let i = 0; i < samples; i++) warm.push((await client.open(waves)).ms);
        const cold: number[] = [];
        let stale = 0;
        for (let i = 0; i < coldSamples; i++) {
          const { version } = await client.submit(reader.region, reader.country);
          const opened = await client.open(waves);
          cold.push(opened.ms);
          // an answer older than the reader's own write was served from a cache: not a cold page
          if (opened.oldestVersion < version) stale++;
        }
        figures[`${page}, ${reader.label}`] = { warm: percentiles(warm), cold: percentiles(cold), staleColdAnswers: stale };
      }
    }
  } finally {
    await app.stop();
  }
  printTable(`Pages as browsers open them, over HTTP, one reader (ms): whole campaign as staff, one region (${region}) as its coordinator; cold = right after the reader's own write`, Object.entries(figures).map(([name, f]) => [
    name,
    `cold p50 ${f.cold.p50}  p95 ${f.cold.p95}  p99 ${f.cold.p99}   warm p50 ${f.warm.p50}  p95 ${f.warm.p95}  p99 ${f.warm.p99}${f.staleColdAnswers ? `   (${f.staleColdAnswers} cold pages answered before the write)` : ''}`,
  ]));
  return figures;
}
