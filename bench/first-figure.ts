import type { Browser } from 'playwright-core';
import { signedInContext } from './sign-in';

// "The first chart or table within 1 s of navigation on every page" (issue 15): a new browser
// profile each time (nothing cached), signed in, from navigation start to the first drawn figure in
// the page's main region, read from performance.now() in the page at that moment (polled every
// animation frame).

/** A drawn figure: a chart's or the map's shapes, a table's row, or the overview's HTML bars. */
const FIGURE = 'main .recharts-surface path, main .geo-map path, main tbody tr, main .overview-bars__row';

/** The pages with figures in the demo, as staff opens them. */
export const FIGURE_PAGES = ['overview', 'trends', 'cases', 'geography', 'groups', 'reports'] as const;

export type FigurePage = (typeof FIGURE_PAGES)[number];

export async function firstFigureMs(browser: Browser, url: string, cookie: string, page: FigurePage): Promise<number> {
  const context = await signedInContext(browser, url, cookie);
  try {
    const tab = await context.newPage();
    await tab.goto(page === 'overview' ? url : `${url}/?page=${page}`, { waitUntil: 'commit' });
    const drawn = await tab.waitForFunction((selector) => (document.querySelector(selector) ? performance.now() : false), FIGURE, {
      polling: 'raf',
      timeout: 30_000,
    });
    return Math.round((await drawn.jsonValue()) as number);
  } finally {
    await context.close();
  }
}
