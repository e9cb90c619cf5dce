import { spawn } from 'node:child_process';
import path from 'node:path';
import { printTable } from './results';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface VerifyFigures {
  seconds: number;
  exitCode: number | null;
  /** The command's last line: "Every summary table matches…" when clean, else its problem or failure. */
  lastLine: string;
}

/**
 * `npm run verify` as operators run it, against the benchmark's database: every summary table
 * recomputed from the raw reports, every reference and snapshot checked. Its time and exit code.
 */
export async function verifyBench(databaseUrl: string): Promise<VerifyFigures> {
  const started = performance.now();
  const child = spawn('npm', ['run', '--silent', 'verify'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d));
  child.stderr.on('data', (d: Buffer) => (output += d));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const lines = output.trim().split('\n');
  const figures = { seconds: Number(((performance.now() - started) / 1000).toFixed(1)), exitCode, lastLine: lines.at(-1) ?? '' };
  printTable('npm run verify on the same database', [
    ['time', `${figures.seconds} s`],
    ['exit code', String(exitCode)],
    ['last line', figures.lastLine],
  ]);
  return figures;
}
