import { findOrphanReports } from '../modules/reports/verify-references';
import { verifyRollups } from '../modules/rollups/verify-rollups';
import { runCommand } from './run-command';

// Recomputes every summary table from the raw reports; exit code 1 on any difference, each one named.
await runCommand(async ({ dataSource }) => {
  const started = Date.now();
  const orphans = await findOrphanReports(dataSource);
  for (const o of orphans) console.error(`${o.reports} reports point to a ${o.reference} that does not exist`);
  const differences = await verifyRollups(dataSource);
  if (differences.length === 0 && orphans.length === 0) {
    console.log(`Every summary table matches the raw reports (${((Date.now() - started) / 1000).toFixed(1)} s).`);
    return 0;
  }
  if (differences.length === 0) return 1;
  console.error(`${differences.length} difference${differences.length > 1 ? 's' : ''} between the summary tables and the raw reports:`);
  for (const d of differences) {
    console.error(
      `  ${d.table} ${JSON.stringify(d.key)}: expected ${d.expected.actions} actions in ${d.expected.reports} reports, ` +
        `stored ${d.stored.actions} in ${d.stored.reports}`,
    );
  }
  return 1;
});
