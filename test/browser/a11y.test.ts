import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../server/modules/users/demo-accounts';
import { ARTIFACTS, useDashboard } from './support/browser';
import { AXE_VERSION, axeViolations, FAILING_IMPACTS } from './support/axe';

// axe-core on every page each role can open, on the sign-in page, in English, Spanish, French and Arabic, on a
// desktop and a phone, once the page's data is drawn. Serious and critical violations fail; every
// violation of any impact goes to test/artifacts/axe-report.json.


const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 800 } } as const;
const LOCALES = { en: 'en-GB', es: 'es-ES', fr: 'fr-FR', ar: 'ar-EG' } as const;
const PAGES = {
  staff: ['overview', 'trends', 'cases', 'geography', 'groups', 'reports', 'snapshots'],
  coordinator: ['overview', 'geography', 'groups'],
} as const;

interface Run {
  who: 'anonymous' | 'staff' | 'coordinator';
  page: string;
  language: keyof typeof LOCALES;
  viewport: keyof typeof VIEWPORTS;
  /** The page still had something aria-busy after the wait: it was checked as it was. */
  stillBusy: boolean;
  /** The page's h1 and address when checked: what was really looked at. */
  heading: string;
  url: string;
  violations: { id: string; impact: string | null; help: string; helpUrl: string; nodes: { target: string; html: string; failureSummary: string }[] }[];
}

const runs: Run[] = [];
const dashboard = useDashboard();
beforeAll(async () => {
  // A published snapshot, so the snapshots page shows its table too.
  const answer = await dashboard().app.graphql('mutation { publishSnapshot(input: { year: 2024, title: "W4R 2024" }) { slug } }');
  expect(answer.errors).toBeUndefined();
}, 180_000);
afterAll(async () => {
  writeReport();
});

/** A browser in one language and size, signed in by the form whatever its language (or not at all). */
async function visitor(browser: Browser, who: Run['who'], language: Run['language'], viewport: Run['viewport']): Promise<Page> {
  const context = await browser.newContext({ locale: LOCALES[language], viewport: VIEWPORTS[viewport] });
  const page = await context.newPage();
  await page.goto(dashboard().app.url);
  await page.locator('input[name="email"]').waitFor();
  if (who === 'anonymous') return page;
  const account = DEMO_ACCOUNTS.find((a) => a.role === who)!;
  await page.locator('input[name="email"]').fill(account.email);
  await page.locator('input[name="password"]').fill(account.password);
  await page.locator('button[type="submit"]').click();
  await page.locator('.account button').first().waitFor();
  return page;
}

/** Until the page has its heading and nothing is busy (twice, a moment apart: charts draw after data). */
async function waitUntilDrawn(page: Page): Promise<boolean> {
  const drawn = () =>
    page.waitForFunction(
      () => document.querySelector('main h1') !== null && document.querySelector('[aria-busy="true"]') === null,
      undefined,
      { timeout: 20_000 },
    );
  try {
    await drawn();
    await page.waitForTimeout(400);
    await drawn();
    return false;
  } catch {
    return true;
  }
}

async function checkPage(page: Page, run: Pick<Run, 'who' | 'page' | 'language' | 'viewport'>): Promise<Run> {
  const stillBusy = await waitUntilDrawn(page);
  const violations = await axeViolations(page);
  const result: Run = {
    ...run,
    stillBusy,
    heading: (await page.locator('main h1').first().textContent({ timeout: 1000 }).catch(() => null)) ?? '(none)',
    url: page.url().replace(dashboard().app.url, ''),
    violations: violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), html: n.html.slice(0, 300), failureSummary: n.failureSummary ?? '' })),
    })),
  };
  runs.push(result);
  return result;
}

/** "staff · es · phone · geography — color-contrast (serious): .map-legend span" for each failing node. */
function failures(run: Run): string[] {
  return run.violations
    .filter((v) => FAILING_IMPACTS.includes(v.impact ?? ''))
    .flatMap((v) => v.nodes.map((n) => `${run.who} · ${run.language} · ${run.viewport} · ${run.page} — ${v.id} (${v.impact}): ${n.target}`));
}

function writeReport(): void {
  const count = (impact: string) => runs.reduce((sum, r) => sum + r.violations.filter((v) => v.impact === impact).reduce((n, v) => n + v.nodes.length, 0), 0);
  const rules = new Map<string, { impact: string | null; pages: Set<string>; nodes: number }>();
  for (const run of runs) {
    for (const v of run.violations) {
      const rule = rules.get(v.id) ?? { impact: v.impact, pages: new Set<string>(), nodes: 0 };
      rule.pages.add(run.page);
      rule.nodes += v.nodes.length;
      rules.set(v.id, rule);
    }
  }
  const summary = {
    axeVersion: AXE_VERSION,
    checked: runs.length,
    clean: runs.filter((r) => r.violations.length === 0).length,
    stillBusy: runs.filter((r) => r.stillBusy).map((r) => `${r.who} · ${r.language} · ${r.viewport} · ${r.page}`),
    nodesByImpact: { critical: count('critical'), serious: count('serious'), moderate: count('moderate'), minor: count('minor') },
    rules: Object.fromEntries(
      [...rules].map(([id, r]) => [id, { impact: r.impact, nodes: r.nodes, pages: [...r.pages].sort() }]),
    ),
    failing: runs.flatMap(failures),
  };
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(path.join(ARTIFACTS, 'axe-report.json'), `${JSON.stringify({ summary, runs }, null, 2)}\n`);
}

for (const language of Object.keys(LOCALES) as Run['language'][]) {
  for (const viewport of Object.keys(VIEWPORTS) as Run['viewport'][]) {
    describe(`axe, ${language}, ${viewport}`, () => {
      it('finds no serious violation on the sign-in page', async () => {
        const page = await visitor(dashboard().browser, 'anonymous', language, viewport);
        const run = await checkPage(page, { who: 'anonymous', page: 'sign-in', language, viewport });
        expect(failures(run)).toEqual([]);
        await page.context().close();
      });

      for (const who of ['staff', 'coordinator'] as const) {
        it(`finds no serious violation on any page a ${who} opens`, async () => {
          const page = await visitor(dashboard().browser, who, language, viewport);
          const found: string[] = [];
          for (const id of PAGES[who]) {
            await page.goto(`${dashboard().app.url}/?page=${id}`);
            found.push(...failures(await checkPage(page, { who, page: id, language, viewport })));
          }
          expect(found).toEqual([]);
          await page.context().close();
        }, 240_000);
      }
    });
  }
}
