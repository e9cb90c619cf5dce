import { readFile } from 'node:fs/promises';
import { loadCampaigns } from '../modules/campaigns/campaign.service';
import { CampaignFileError, parseCampaignFile, type CampaignDefinition } from '../modules/campaigns/campaign-file';
import { runCommand, UsageError } from './run-command';

const USAGE = 'usage: npm run campaigns -- load FILE.json [FILE.json...]';
const [verb, ...files] = process.argv.slice(2);

await runCommand(async ({ dataSource }) => {
  if (verb !== 'load' || files.length === 0) throw new UsageError(USAGE);
  // Every file is checked before anything is stored: a bad file leaves the database untouched.
  const definitions: CampaignDefinition[] = [];
  const problems: string[] = [];
  for (const file of files) {
    try {
      definitions.push(...parseCampaignFile(await readFile(file, 'utf8'), file));
    } catch (error) {
      if (error instanceof CampaignFileError) problems.push(error.message);
      else throw new UsageError(`${file}: ${(error as Error).message}`);
    }
  }
  if (problems.length) throw new UsageError(`Nothing was loaded.\n${problems.join('\n')}`);
  const summary = await loadCampaigns(dataSource, definitions);
  console.log(`Loaded ${summary.campaigns} campaigns, ${summary.cases} cases and ${summary.outcomes} outcomes.`);
});
