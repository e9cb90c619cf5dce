import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core run in the page as it stands (the script is added to the page, then run on the document).

const require = createRequire(import.meta.url);
const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');
export const AXE_VERSION: string = require('axe-core/package.json').version;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

/** Every violation axe-core finds, of any impact. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
}

export const FAILING_IMPACTS: readonly (string | null)[] = ['serious', 'critical'];

/** The ids of the serious and critical violations: what fails a page. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  return (await axeViolations(page)).filter((v) => FAILING_IMPACTS.includes(v.impact)).map((v) => v.id);
}
