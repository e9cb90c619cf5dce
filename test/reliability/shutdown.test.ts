import { spawn, type ChildProcess } from 'node:child_process';
import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../server/modules/users/session.service';
import { addUser } from '../../server/modules/users/user.service';
import { REPORT_COLUMNS } from '../../server/modules/reports/report-fields';
import { freePort, TSX } from '../support/commands';
import { csvRow, csvText } from '../support/csv';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { campaign, givenCampaigns, givenReports, report } from '../support/fixtures';
import { TEST_SECRET } from '../support/http';

/**
 * Graceful shutdown of `server/index.ts` as production runs it: on SIGTERM the requests in flight
 * (an import upload and a GraphQL query, their bodies still arriving) complete with 200, new
 * connections are refused meanwhile, the process exits 0 within 10 s, and everything it wrote is
 * JSON lines.
 */

let db: TestDatabase;
let token: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
  await givenReports(db.dataSource, [report({ count: 5 }), report({ count: 7, groupRef: 'US-1' })]);
  const user = await addUser(db.dataSource, { email: 'shutdown-staff@test.w4r', role: 'staff', regions: [], password: 'a-long-test-password' }, null);
  token = await issueToken(db.dataSource, TEST_SECRET, { userId: user.id, kind: 'script' }, 3600);
});
afterAll(() => db?.drop());


/** Whether a new TCP connection to the port is accepted. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A POST whose body is sent by the caller, piece by piece: it stays in flight until `end()`. */
function openRequest(port: number, path: string, contentType: string): { req: ClientRequest; response: Promise<{ status: number; body: string }> } {
  const req = request({
    host: '127.0.0.1', port, path, method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${token}`, 'transfer-encoding': 'chunked' },
    agent: false,
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.once('response', (res: IncomingMessage) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.once('error', reject);
  });
  return { req, response };
}

describe('SIGTERM', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('lets the requests in flight finish with 200, refuses new connections, exits 0 within 10 s, logs JSON lines', async () => {
    const port = await freePort();
    child = spawn(TSX, ['server/index.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        SESSION_SECRET: new TextDecoder().decode(TEST_SECRET),
        PORT: String(port),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child!.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const deadline = Date.now() + 60_000;
    while (!(await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false))) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start:\n${stdout}\n${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }

    // an import upload and a GraphQL query, each with half of its body sent
    const rows = Array.from({ length: 4000 }, (_, i) => csvRow({ report_id: `SHUT-${i}`, count: 1 + (i % 9) }));
    const lines = csvText(rows, { columns: REPORT_COLUMNS }).split('\n');
    const upload = openRequest(port, '/api/imports?filename=shutdown.csv', 'text/csv');
    upload.req.write(`${lines.slice(0, 2001).join('\n')}\n`);
    const query = JSON.stringify({ query: '{ impact(filter: { year: 2024 }) { totalActions reportCount byCase { actions } daily { actions } } }' });
    const graphql = openRequest(port, '/graphql', 'application/json');
    graphql.req.write(query.slice(0, 30));
    await new Promise((r) => setTimeout(r, 300)); // both reached the server and are being read

    const signalled = Date.now();
    child.kill('SIGTERM');
    // the server stops accepting connections while the two requests are still open
    let refusedAfter = -1;
    while (Date.now() - signalled < 8000) {
      if (!(await accepts(port))) {
        refusedAfter = Date.now() - signalled;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(refusedAfter).toBeGreaterThanOrEqual(0);
    expect(child.exitCode).toBeNull(); // still draining: it waits for the two requests

    // the rest of both bodies: both complete
    upload.req.end(`${lines.slice(2001).join('\n')}`);
    graphql.req.end(query.slice(30));
    const [uploaded, answered] = await Promise.all([upload.response, graphql.response]);
    const completedAfter = Date.now() - signalled;
    expect(uploaded.status, uploaded.body).toBe(200);
    expect(JSON.parse(uploaded.body)).toMatchObject({ status: 'COMMITTED', imported: rows.length });
    expect(answered.status, answered.body).toBe(200);
    const figures = JSON.parse(answered.body);
    expect(figures.errors).toBeUndefined();
    expect(figures.data.impact.reportCount).toBeGreaterThanOrEqual(2);

    const { code, signal } = await exited;
    const exitedAfter = Date.now() - signalled;
    console.log(
      `shutdown: new connections refused ${refusedAfter} ms after SIGTERM; the requests in flight completed at ${completedAfter} ms; ` +
        `exit ${code} at ${exitedAfter} ms`,
    );
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(exitedAfter).toBeLessThan(10_000);

    // the import was committed whole before the database closed
    const [stored] = await db.dataSource.query(`SELECT count(*)::int AS n FROM letter_report WHERE report_id LIKE 'SHUT-%'`);
    expect(stored.n).toBe(rows.length);

    // every line it wrote is a JSON object (pino), the shutdown included
    const output = `${stdout}${stderr}`.split('\n').filter((l) => l.trim());
    const notJson = output.filter((l) => {
      try {
        return typeof JSON.parse(l) !== 'object';
      } catch {
        return true;
      }
    });
    expect(notJson).toEqual([]);
    const messages = output.map((l) => JSON.parse(l).msg as string);
    expect(messages.some((m) => /is ready/.test(m))).toBe(true);
    expect(messages.some((m) => /shutting down/.test(m))).toBe(true);
    // the two requests are logged as completed with 200
    const requests = output.map((l) => JSON.parse(l)).filter((l) => l.req && l.res);
    expect(requests.filter((l) => l.res.statusCode === 200 && /api\/imports|graphql/.test(l.req.url)).length).toBeGreaterThanOrEqual(2);
  }, 90_000);
});
