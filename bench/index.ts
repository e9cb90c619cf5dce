import 'reflect-metadata';
import { importBench } from './import-bench';
import { queryBench } from './query-bench';
import { writeResults } from './results';

const USAGE = `usage: npm run bench -- [import] [--rows N] [--samples N]
  (none)      import N reports (default 1,000,000; --rows 10000000 for the full size), then time the
              dashboard queries over HTTP
  import      generate N rows as CSV and import them through the real path`;

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const value = Number(args[i + 1]?.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} needs a positive whole number\n${USAGE}`);
  return value;
};

const [command = 'all'] = args.filter((a) => !a.startsWith('--') && !/^\d/.test(a));
if (command === 'import') {
  await importBench(option('--rows', 1_000_000));
} else if (command === 'all') {
  const rows = option('--rows', 1_000_000);
  let queries: Record<string, unknown> = {};
  const importFigures = await importBench(rows, async (db) => {
    await db.dataSource.query('VACUUM ANALYZE');
    queries = await queryBench(db.dataSource, option('--samples', 200));
  });
  console.log(`  written to ${writeResults(`bench-${rows}`, { import: importFigures, queries })}`);
} else {
  console.error(USAGE);
  process.exit(2);
}
