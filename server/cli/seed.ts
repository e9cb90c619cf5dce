import { loadDemoData } from '../../seeds/demo';
import { runCommand } from './run-command';

// The demo data into the configured database (the embedded default does this by itself on first start).
await runCommand(async ({ dataSource }) => {
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM letter_report`);
  if (n > 0) {
    console.error(`The database already holds ${n} letter reports; the demo data goes only into an empty database.`);
    return 1;
  }
  // as the embedded demo does: up to today, with this season's campaign if one has started
  const s = await loadDemoData(dataSource, { now: new Date() });
  console.log(
    `Demo data loaded in ${(s.ms / 1000).toFixed(1)} s: ${s.campaigns} campaigns, ${s.cases} cases, ` +
      `${s.outcomes} outcomes, ${s.reports.toLocaleString('en')} reports, ${s.actions.toLocaleString('en')} actions.`,
  );
});
