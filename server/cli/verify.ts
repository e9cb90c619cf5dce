import { findOrphanReports } from '../modules/reports/verify-references';
import { verifyRollups, type RollupFigures } from '../modules/rollups/verify-rollups';
import { verifySnapshots } from '../modules/snapshots/snapshot.service';
import { runCommand } from './run-command';

// Recomputes every summary table from the raw reports, checks every report's references and every
// published snapshot against its checksum; exit code 1 on any problem, each one named.
await runCommand(async ({ dataSource }) => {
  const started = Date.now();
  const problems: string[] = [];
  for (const o of await findOrphanReports(dataSource)) problems.push(`${o.reports} reports point to a ${o.reference} that does not exist`);
  for (const d of await verifyRollups(dataSource)) {
    problems.push(`${d.table} ${JSON.stringify(d.key)}: expected ${describe(d.expected)}, stored ${describe(d.stored)}`);
  }
  for (const slug of await verifySnapshots(dataSource)) problems.push(`snapshot "${slug}" no longer matches its published checksum`);
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
