import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { importCsv } from '../modules/imports/import-csv';
import { runCommand, UsageError } from './run-command';

const USAGE = 'usage: npm run import -- FILE.csv [--dry-run]';
const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const files = args.filter((a) => a !== '--dry-run');

await runCommand(async ({ dataSource }) => {
  if (files.length !== 1 || files[0].startsWith('--')) throw new UsageError(USAGE);
  const file = files[0];
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`${file}: no such file`);
  }
  const bar = process.stderr.isTTY ? progressBar(size) : undefined;
  const summary = await importCsv(dataSource, createReadStream(file, { highWaterMark: 1 << 20 }), {
    filename: path.basename(file),
    dryRun,
    onProgress: bar,
  });
  if (bar) process.stderr.write('\n');

  const n = (v: number) => v.toLocaleString('en');
  console.log(`${dryRun ? 'Dry run of ' : ''}${file}`);
  console.log(`  rows read            ${n(summary.read)}`);
  console.log(`  imported             ${n(summary.imported)}${dryRun ? ' (would be; nothing was stored)' : ''}`);
  console.log(`  duplicates skipped   ${n(summary.duplicates)}`);
  console.log(`  rejected             ${n(summary.rejected)}`);
  console.log(`  time                 ${summary.seconds.toFixed(1)} s (${n(summary.rowsPerSecond)} rows/s)`);
  if (summary.errorCount > 0) {
    console.error(`\nNothing was imported: ${n(summary.errorCount)} problem${summary.errorCount > 1 ? 's' : ''}` +
      (summary.errorCount > summary.errors.length ? ` (the first ${summary.errors.length} below)` : '') + ':');
    for (const e of summary.errors) console.error(`  line ${e.line}, ${e.column}: ${e.reason}`);
    return 1;
  }
  return 0;
});

function progressBar(total: number) {
  let last = 0;
  return ({ bytes, rows }: { bytes: number; rows: number }) => {
    const now = Date.now();
    if (now - last < 100 && bytes < total) return;
    last = now;
    const share = total ? Math.min(1, bytes / total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    process.stderr.write(
      `\r  [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${rows.toLocaleString('en')} rows`,
    );
  };
}
