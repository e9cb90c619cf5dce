import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import express, { Router } from 'express';
import { bootstrapElement, type BootstrapFor } from './dashboard-bootstrap';
import { preloadLinks, type ViteManifest } from './page-preload';

export const clientDir = path.resolve(import.meta.dirname, '../../dist/client');

/**
 * Serves the built dashboard. Hashed assets are cached for a year; index.html is revalidated so a new
 * build shows at once. Any other path falls back to index.html for client-side routes, carrying the
 * reader's first answers (`bootstrapFor`, server/http/dashboard-bootstrap.ts): so it is private.
 */
export function staticClientRouter(dir = clientDir, bootstrapFor?: BootstrapFor): Router {
  const router = Router();
  const indexFile = path.join(dir, 'index.html');
  const manifestFile = path.join(dir, '.vite/manifest.json');
  if (!existsSync(indexFile)) {
    router.get('/', (_req, res) => {
      res.status(503).type('text').send('The dashboard is not built yet: run "npm run build:client".');
    });
    return router;
  }
  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  router.use(express.static(dir, { index: false, maxAge: 0 }));
  router.get(/^\/(?!graphql|api\/|healthz|readyz|s\/).*/, async (req, res, next) => {
    try {
      // read each time: a rebuild while the server runs is served at once
      const [html, manifest, bootstrap] = await Promise.all([
        readFile(indexFile, 'utf8'),
        readFile(manifestFile, 'utf8').then((text) => JSON.parse(text) as ViteManifest, () => null),
        bootstrapFor?.(req).catch(() => null) ?? null,
      ]);
      // a signed-in reader is shown the page the address names: its code is fetched at once
      const page = new URL(req.originalUrl, 'http://dashboard').searchParams.get('page') ?? 'overview';
      const signedIn = (bootstrap?.Me.data as { me?: unknown } | undefined)?.me;
      const head = [
        bootstrap ? bootstrapElement(bootstrap) : '',
        manifest ? preloadLinks(manifest, signedIn && /^[a-z]+$/.test(page) ? page : null, html) : '',
      ].join('');
      res.setHeader('Cache-Control', 'private, no-cache');
      res.setHeader('Vary', 'Cookie, Authorization');
      res.type('html').send(html.replace('</head>', `${head}</head>`));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
