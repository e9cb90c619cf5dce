import { createReadStream, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCampaigns } from '../server/modules/campaigns/campaign.service';
import { parseCampaignFile } from '../server/modules/campaigns/campaign-file';
import { importCsv } from '../server/modules/imports/import-csv';
import { inVerifyTransaction, verifyRollups } from '../server/modules/rollups/verify-rollups';
import { benchCampaigns, writeBenchCsv, type BenchCsvOptions } from '../test/support/bench-data';
import type { Database } from '../server/db/open-database';
import { freshBenchDatabase } from './bench-database';
import { printTable, writeResults } from './results';

/**
 * `npm run bench -- import [--rows N]`: generates N rows of benchmark data (default 1,000,000) as a
 * CSV file and imports it through the real import path (parse, validate, store, summary tables) into
 * a fresh database (`database`, dropped first if it exists); then checks every summary table against
 * the raw reports. `data`: another calendar (the peak bench's, with a running campaign) and its `until`.
 */
export async function importBench(
  rows: number,
  keep?: (db: Database & { url: string }) => Promise<void>,
  database?: string,
  data: Pick<BenchCsvOptions, 'campaigns' | 'until'> = {},
): Promise<Record<string, unknown>> {
  // one file per run: two runs at once (each into its own database) must not write one file
  const file = path.join(tmpdir(), `w4r-bench-${rows}-${process.pid}.csv`);
  const generated = performance.now();
  await writeBenchCsv(file, rows, data);
  const generateSeconds = (performance.now() - generated) / 1000;

  const db = await freshBenchDatabase(database);
  try {
    await loadCampaigns(db.dataSource, parseCampaignFile(JSON.stringify(data.campaigns ?? benchCampaigns()), 'bench'));
    const summary = await importCsv(db.dataSource, createReadStream(file, { highWaterMark: 1 << 20 }), { filename: path.basename(file) });
    if (summary.status !== 'COMMITTED') throw new Error(`bench import rejected: ${JSON.stringify(summary.errors.slice(0, 3))}`);
    const verifyStarted = performance.now();
    const differences = await inVerifyTransaction(db.dataSource, (m) => verifyRollups(m));
    const figures = {
      rows,
      imported: summary.imported,
      importSeconds: Number(summary.seconds.toFixed(2)),
      rowsPerSecond: summary.rowsPerSecond,
      bar: 150_000,
      verifySeconds: Number(((performance.now() - verifyStarted) / 1000).toFixed(2)),
      summaryTablesExact: differences.length === 0,
      generateSeconds: Number(generateSeconds.toFixed(2)),
      stepsMs: summary.timings,
    };
    printTable(`Import of ${rows.toLocaleString('en')} rows (CSV through validation, storage and summary tables)`, [
      ['rows imported', figures.imported],
      ['time', `${figures.importSeconds} s`],
      ['rows/s', `${figures.rowsPerSecond.toLocaleString('en')} (bar ${figures.bar.toLocaleString('en')})`],
      ['steps (ms)', Object.entries(summary.timings).map(([k, v]) => `${k} ${v}`).join(', ')],
      ['summary tables exact', figures.summaryTablesExact ? 'yes' : `NO: ${differences.length} differences`],
    ]);
    if (keep) await keep(db);
    else console.log(`  written to ${writeResults('import', figures)}`);
    return figures;
  } finally {
    await db.close();
    rmSync(file, { force: true });
  }
}
