import { Router, type Response } from 'express';
import { escapeHtml } from '../../common/html';
import { logger } from '../../logger';
import { counterBadge } from './counter-badge';
import { EMBED_SCRIPT } from './counter-embed';
import type { CounterFeed } from './counter-feed';
import type { CounterView } from './counter-view';
import { COUNTER_WORDS } from './counter-words';

/** A counter's page, for an <iframe>: its first figures inline, then kept fresh by the embed script. */
function counterPage(view: CounterView): string {
  const data = JSON.stringify(view).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${view.language}" dir="${view.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(view.title)}</title>
<style>html, body { margin: 0; background: transparent; }</style>
</head>
<body>
<main><div data-w4r-counter="${view.slug}"></div></main>
<script type="application/json" id="w4r-counter-${view.slug}">${data}</script>
<script src="/c/embed.js"></script>
</body>
</html>
`;
}

/**
 * Public live counters, no sign-in: /c/embed.js (a script tag that renders into a div),
 * /c/<slug> (a page for an iframe, embeddable from any origin), /c/<slug>.json (CORS, for sections
 * that build their own) and /c/<slug>.svg (a badge). Every answer may be held by a CDN for one refresh
 * interval; the figures behind them are read at most once per interval (counter-feed.ts).
 */
export function counterRouter(feed: CounterFeed): Router {
  const router = Router();
  const seconds = Math.max(1, Math.round(feed.refreshMs / 1000));
  const shared = (res: Response) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', `public, max-age=${seconds}, s-maxage=${seconds}, stale-while-revalidate=${seconds * 6}`);
  };

  router.get('/c/embed.js', (_req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.type('application/javascript').send(EMBED_SCRIPT);
  });

  router.get('/c/:file', async (req, res, next) => {
    const match = /^([a-z0-9]{10})(?:\.(json|svg))?$/.exec(req.params.file);
    if (!match) return next();
    const [, slug, kind] = match;
    let view: CounterView | null;
    try {
      view = await feed.get(slug);
    } catch (error) {
      logger.error({ err: error, slug }, 'public counter: cannot be read');
      res.setHeader('Retry-After', String(seconds));
      res.status(503).type('text').send('The counter cannot be read right now; try again in a few seconds.');
      return;
    }
    shared(res);
    if (!view) return void res.status(404).type(kind === 'json' ? 'json' : 'text').send(kind === 'json' ? { error: 'not found' } : COUNTER_WORDS.en.notFound);
    if (kind === 'json') return void res.json(view);
    if (kind === 'svg') return void res.type('image/svg+xml').send(counterBadge(view));
    // any site may frame the widget; it runs only its own script and fetches only from here
    res.setHeader('Content-Security-Policy', "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; frame-ancestors *");
    res.type('html').send(counterPage(view));
  });
  return router;
}
