import { runCommand } from './run-command';

// Opening the database migrates it; this command does only that.
await runCommand(async ({ dataSource }) => {
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM migrations`);
  console.log(`The database is migrated (${n} migrations applied).`);
});
