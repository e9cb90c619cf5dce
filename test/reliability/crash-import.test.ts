import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchCampaigns, writeBenchCsv } from '../support/bench-data';
import { findOrphanReports } from '../../server/modules/reports/verify-references';
import { ROLLUP_TABLES } from '../../server/modules/rollups/rollup-tables';
import { verifyRollups } from '../../server/modules/rollups/verify-rollups';
import { TSX } from '../support/commands';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { givenCampaigns } from '../support/fixtures';

/**
 * Design §7: "Killed with SIGKILL in the middle of a 1,000,000-row import: after restart the import
 * is either wholly present or absent; re-running it ends with every row present once."
 *
 * The import runs as `npm run import` does (server/cli/import.ts in its own process). It is killed
 * when it has read half of the file, a point found by reading the file offset of its open file
 * descriptor in /proc: the same point on every run, whatever the speed of the machine.
 */
const ROWS = Number(process.env.RELIABILITY_IMPORT_ROWS || 1_000_000);
const KILL_AT_SHARE = 0.5;

let db: TestDatabase;
let dir: string;
let file: string;
let fileSize: number;
let monitor: pg.Client;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'w4r-crash-'));
  file = path.join(dir, `reports-${ROWS}.csv`);
  const [written, database] = await Promise.all([writeBenchCsv(file, ROWS), createTestDatabase()]);
  expect(written).toBe(ROWS);
  fileSize = statSync(file).size;
  db = database;
  await givenCampaigns(db.dataSource, ...benchCampaigns());
  // a connection of its own, so the app's pool never shows up as "another session"
  monitor = new pg.Client({ connectionString: db.url, application_name: 'w4r-reliability-monitor' });
  await monitor.connect();
}, 180_000);

afterAll(async () => {
  await monitor?.end().catch(() => undefined);
  await db?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every process of a process group (the tsx launcher and the node process it starts). */
function processGroup(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // stat: "pid (comm) state ppid pgrp ..."; comm may contain spaces, so split after the last ')'
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') pids.push(Number(entry)); // a zombie is dead already
    } catch {
      // the process ended meanwhile
    }
  }
  return pids;
}

/** How far a process of the group has read `target`: the offset of its file descriptor, or -1. */
function readOffset(pgid: number, target: string): number {
  for (const pid of processGroup(pgid)) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) !== target) continue;
        const pos = /^pos:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8'));
        if (pos) return Number(pos[1]);
      } catch {
        // closed meanwhile
      }
    }
  }
  return -1;
}

/** Sessions on the test database other than the monitor and the test's own pool. */
async function otherSessions(ownPids: Set<number>) {
  const { rows } = await monitor.query(
    `SELECT pid, state, xact_start IS NOT NULL AS in_transaction, left(query, 60) AS query
     FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  return rows.filter((r) => !ownPids.has(r.pid));
}

async function stored() {
  const { rows: [r] } = await monitor.query(
    `SELECT (SELECT count(*)::int FROM letter_report) AS reports,
            (SELECT count(DISTINCT report_id)::int FROM letter_report) AS distinct_ids,
            (SELECT coalesce(sum(count), 0)::bigint FROM letter_report) AS actions,
            (SELECT count(*)::int FROM writing_group) AS groups,
            (SELECT count(*)::int FROM import_batch WHERE status = 'RUNNING') AS running,
            (SELECT count(*)::int FROM import_batch WHERE status = 'COMMITTED') AS committed,
            (SELECT version::int FROM data_version) AS version`,
  );
  const rollups: Record<string, number> = {};
  for (const t of ROLLUP_TABLES) rollups[t.name] = (await monitor.query(`SELECT count(*)::int AS n FROM ${t.name}`)).rows[0].n;
  return { ...r, actions: Number(r.actions), rollups };
}

/** What the file holds, read independently of the importer: rows and the sum of the count column. */
async function fileTotals(): Promise<{ rows: number; actions: number }> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let rows = -1; // the header
  let actions = 0;
  let countAt = -1;
  for await (const line of lines) {
    if (rows === -1) countAt = line.split(',').indexOf('count');
    else if (line) actions += Number(line.split(',')[countAt]); // bench rows have no quoted commas before count
    if (line) rows++;
  }
  return { rows, actions };
}

function runImport(): { child: ChildProcess; output: () => string; exit: Promise<{ code: number | null; signal: string | null }> } {
  // its own process group: a SIGKILL cannot be relayed by the tsx launcher, so the group is killed
  const child = spawn(TSX, ['server/cli/import.ts', file], {
    env: { ...process.env, DATABASE_URL: db.url },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exit };
}

async function verifyClean() {
  expect(await findOrphanReports(db.dataSource)).toEqual([]);
  expect(await verifyRollups(db.dataSource)).toEqual([]);
}

type KillPoint = 'staging' | 'inserting';

/**
 * Starts the import and SIGKILLs it at a point found by observation, not by time:
 * - 'staging': when it has read half of the file (its file offset in /proc), rows going into the
 *   temporary staging table;
 * - 'inserting': when its final INSERT INTO letter_report has written about 45% of the rows to the
 *   table's heap (pg_relation_size grows with uncommitted rows), summary tables being updated.
 */
async function killImport(point: KillPoint) {
  const before = await stored();
  const { rows: own } = await monitor.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  const ownPids = new Set<number>(own.map((r) => r.pid));
  const heapBefore = Number((await monitor.query(`SELECT pg_relation_size('letter_report') AS n`)).rows[0].n);
  const heapTarget = heapBefore + ROWS * 80; // a stored report takes about 175 bytes of heap

  const started = Date.now();
  const run = runImport();
  const pgid = run.child.pid!;
  let where = '';
  let sawTransaction = false;
  for (;;) {
    const exited = await Promise.race([run.exit.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 25))]);
    if (exited) throw new Error(`the import ended before it could be killed:\n${run.output()}`);
    if (Date.now() - started > 150_000) throw new Error(`the import did not reach the ${point} point in 150 s`);
    let reached = false;
    if (point === 'staging') {
      const offset = readOffset(pgid, file);
      if (offset >= fileSize * KILL_AT_SHARE) {
        reached = true;
        where = `byte ${offset.toLocaleString('en')} of ${fileSize.toLocaleString('en')} (${((offset / fileSize) * 100).toFixed(0)}% of the file read)`;
      }
    } else {
      const sessions = await otherSessions(ownPids);
      if (sessions.some((s) => s.state === 'active' && /INSERT INTO letter_report/i.test(s.query))) {
        const heap = Number((await monitor.query(`SELECT pg_relation_size('letter_report') AS n`)).rows[0].n);
        if (heap >= heapTarget) {
          reached = true;
          where = `${((heap - heapBefore) / 2 ** 20).toFixed(0)} MB of uncommitted reports written to letter_report`;
        }
      }
    }
    if (reached) {
      const sessions = await otherSessions(ownPids);
      sawTransaction = sessions.some((s) => s.in_transaction);
      process.kill(-pgid, 'SIGKILL');
      break;
    }
  }
  const killedAfter = Date.now() - started;
  expect((await run.exit).signal).toBe('SIGKILL');
  // the importer itself died, not only its launcher
  for (let i = 0; i < 50 && processGroup(pgid).length; i++) await new Promise((r) => setTimeout(r, 20));
  expect(processGroup(pgid)).toEqual([]);
  expect(sawTransaction).toBe(true); // killed inside its transaction, not before or after it

  // PostgreSQL notices the closed socket (a running statement first finishes) and rolls back
  const deadline = Date.now() + 60_000;
  let left = await otherSessions(ownPids);
  while (left.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    left = await otherSessions(ownPids);
  }
  expect(left).toEqual([]);
  const goneAfter = Date.now() - started - killedAfter;
  // its locks on summary rows would make live writes wait (and time out) for as long as it runs on
  expect(goneAfter).toBeLessThan(10_000);
  console.log(`crash-import (${point}): SIGKILL after ${(killedAfter / 1000).toFixed(1)} s, at ${where}; ` +
    `its sessions gone ${(goneAfter / 1000).toFixed(1)} s later`);
  return { before, after: await stored() };
}

async function expectNothingLeft(before: Awaited<ReturnType<typeof stored>>, after: Awaited<ReturnType<typeof stored>>) {
  // all or none: it could not have committed, so none
  expect(after).toEqual(before);
  expect(after.reports).toBe(0);
  expect(after.running).toBe(0);
  const { rows: locks } = await monitor.query(
    `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database
     WHERE d.datname = current_database() AND l.pid <> pg_backend_pid()`,
  );
  expect(locks[0].n).toBe(0);
  await verifyClean();
}

describe(`an import of ${ROWS.toLocaleString('en')} rows killed with SIGKILL`, () => {
  let version: number;

  it('half-way through the file (staging): nothing is left, not a report, group, summary row, batch or version', async () => {
    const { before, after } = await killImport('staging');
    version = before.version;
    await expectNothingLeft(before, after);
  }, 200_000);

  it('half-way through inserting the reports: nothing is left either', async () => {
    const { before, after } = await killImport('inserting');
    await expectNothingLeft(before, after);
  }, 200_000);

  it('then imports every row exactly once when run again', async () => {
    const started = Date.now();
    const run = runImport();
    const { code } = await run.exit;
    const seconds = (Date.now() - started) / 1000;
    expect(code, run.output()).toBe(0);
    expect(run.output()).toMatch(new RegExp(`imported\\s+${ROWS.toLocaleString('en')}\\b`));
    console.log(`crash-import: the re-run imported ${ROWS.toLocaleString('en')} rows in ${seconds.toFixed(1)} s`);

    const [after, expected] = await Promise.all([stored(), fileTotals()]);
    expect(expected.rows).toBe(ROWS);
    expect(after.reports).toBe(ROWS);
    expect(after.distinct_ids).toBe(ROWS);
    expect(after.actions).toBe(expected.actions);
    expect(after.running).toBe(0);
    expect(after.committed).toBe(1);
    expect(after.version).toBeGreaterThan(version); // the figures changed: answers cached before cannot be served
    await verifyClean();
  }, 200_000);
});
