import 'reflect-metadata';
import { importBench } from './import-bench';

const USAGE = `usage: npm run bench -- [import] [--rows N]
  import      generate N rows (default 1,000,000) as CSV and import them through the real path`;

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const value = Number(args[i + 1]?.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} needs a positive whole number\n${USAGE}`);
  return value;
};

const [command = 'import'] = args.filter((a) => !a.startsWith('--') && !/^\d/.test(a));
if (command === 'import') {
  await importBench(option('--rows', 1_000_000));
} else {
  console.error(USAGE);
  process.exit(2);
}
