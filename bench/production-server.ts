import { execFileSync, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, TSX } from '../test/support/commands';

export interface ProductionServer {
  /** http://127.0.0.1:port */
  url: string;
  pid: number;
  /** The file its log lines (stdout) go to. */
  log: string;
  /** The process's resident memory now, in MB. */
  rssMb(): number;
  stop(): void;
}

/**
 * The server as `npm start` runs it, in its own process: the built JavaScript (npm run build:server)
 * under node with the flags of `npm run serve`, NODE_ENV=production, on `databaseUrl`, signing with
 * `secret`. Resolves once /healthz answers.
 */
export async function startProductionServer(databaseUrl: string, secret: string): Promise<ProductionServer> {
  const port = await freePort();
  const root = path.resolve(import.meta.dirname, '..');
  execFileSync(TSX, ['server/cli/build-server.ts'], { cwd: root, stdio: 'inherit' });
  // to a file, not a pipe nobody reads: a burst of warnings under load would fill it and stall the server
  const log = path.join(tmpdir(), `w4r-bench-server-${port}.log`);
  const out = openSync(log, 'w');
  const server = spawn(process.execPath, serveArguments(root), {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', SESSION_SECRET: secret, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', out, 'inherit'],
  });
  closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${url}/healthz`);
  } catch (error) {
    server.kill('SIGTERM');
    throw error;
  }
  const pid = server.pid!;
  return {
    url,
    pid,
    log,
    rssMb: () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024),
    stop: () => void server.kill('SIGTERM'),
  };
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
