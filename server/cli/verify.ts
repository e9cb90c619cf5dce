import { findOrphanReports } from '../modules/reports/verify-references';
import { inVerifyTransaction, verifyRollups, type RollupFigures } from '../modules/rollups/verify-rollups';
import { verifySnapshots } from '../modules/snapshots/snapshot.service';
import { runCommand, UsageError } from './run-command';

// Recomputes every summary table from the raw reports, checks every report's references and every
// published snapshot against its checksum; exit code 1 on any problem, each one named. Progress
// goes to stderr, a step at a time; a failure to check is one line, exit code 1.
await runCommand(async ({ dataSource }) => {
  const started = Date.now();
  const progress = (step: string) => console.error(`verify: ${step} (${((Date.now() - started) / 1000).toFixed(1)} s so far)`);
  const problems: string[] = [];
  try {
    await inVerifyTransaction(dataSource, async (m) => {
      progress('references of every report');
      for (const o of await findOrphanReports(m)) problems.push(`${o.reports} reports point to a ${o.reference} that does not exist`);
      const differences = await verifyRollups(m, (table, i, total) => progress(`summary table ${table} (${i + 1}/${total})`));
      for (const d of differences) {
        problems.push(`${d.table} ${JSON.stringify(d.key)}: expected ${describe(d.expected)}, stored ${describe(d.stored)}`);
      }
      progress('published snapshots');
      for (const slug of await verifySnapshots(m)) problems.push(`snapshot "${slug}" no longer matches its published checksum`);
    });
  } catch (error) {
    const message = (error as Error).message?.split('\n')[0] ?? String(error);
    throw new UsageError(`verify could not finish: ${message}`);
  }
  if (problems.length === 0) {
    console.log(`Every summary table matches the raw reports and every snapshot its checksum (${((Date.now() - started) / 1000).toFixed(1)} s).`);
    return 0;
  }
  console.error(`${problems.length} problem${problems.length > 1 ? 's' : ''}:`);
  for (const p of problems) console.error(`  ${p}`);
  return 1;
});

function describe(figures: RollupFigures): string {
  return 'firstDay' in figures ? `first day ${figures.firstDay ?? 'none'}` : `${figures.actions} actions in ${figures.reports} reports`;
}
