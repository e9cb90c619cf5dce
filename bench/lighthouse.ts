import { loadavg } from 'node:os';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { freePort } from '../test/support/commands';

// Lighthouse as a phone sees the page: its default settings (mobile form factor, Moto G Power
// screen, simulated slow 4G and a 4× slower processor), in Debian's Chromium started by
// playwright-core with a debugging port Lighthouse connects to. Signed in by the session cookie,
// sent on every request.

export interface LighthouseFigures {
  /** Lighthouse's scores, 0-100. */
  performance: number;
  accessibility: number;
  totalBlockingTimeMs: number;
  largestContentfulPaintMs: number;
  cumulativeLayoutShift: number;
  firstContentfulPaintMs: number;
  speedIndexMs: number;
  domElements: number;
  /** Main-thread work by kind (script evaluation, style and layout, …), as throttled. */
  mainThreadMs: Record<string, number>;
  /** Lighthouse's measure of this machine's speed at the time (higher is faster; its docs expect ≥ 1,000 on a desktop). */
  benchmarkIndex: number;
  /** The machine's 1-minute load average when the run ended: the simulated times scale with how busy it was. */
  loadAverage: number;
  /** Accessibility audits that did not pass. */
  accessibilityFailures: string[];
}

const round = (value: number) => Math.round(value);

export async function lighthouseMobile(url: string, cookie: string, chromiumPath: string): Promise<LighthouseFigures> {
  const port = await freePort();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`] });
  try {
    const result = await lighthouse(url, {
      port,
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      extraHeaders: { Cookie: cookie },
    });
    if (!result) throw new Error('Lighthouse gave no result');
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    const audit = (id: string) => lhr.audits[id];
    // a table of rows { group, groupLabel, duration }
    const breakdown = audit('mainthread-work-breakdown').details as unknown as { items: { groupLabel: string; duration: number }[] };
    const accessibility = lhr.categories.accessibility;
    return {
      performance: round((lhr.categories.performance.score ?? 0) * 100),
      accessibility: round((accessibility.score ?? 0) * 100),
      totalBlockingTimeMs: round(audit('total-blocking-time').numericValue ?? NaN),
      largestContentfulPaintMs: round(audit('largest-contentful-paint').numericValue ?? NaN),
      cumulativeLayoutShift: Number((audit('cumulative-layout-shift').numericValue ?? NaN).toFixed(3)),
      firstContentfulPaintMs: round(audit('first-contentful-paint').numericValue ?? NaN),
      speedIndexMs: round(audit('speed-index').numericValue ?? NaN),
      domElements: round(audit('dom-size').numericValue ?? NaN),
      mainThreadMs: Object.fromEntries(breakdown.items.map((item) => [item.groupLabel, round(item.duration)])),
      benchmarkIndex: round(lhr.environment.benchmarkIndex),
      loadAverage: Number(loadavg()[0].toFixed(1)),
      accessibilityFailures: accessibility.auditRefs.filter((ref) => audit(ref.id).score === 0).map((ref) => ref.id),
    };
  } finally {
    await browser.close();
  }
}
