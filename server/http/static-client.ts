import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

export const clientDir = path.resolve(import.meta.dirname, '../../dist/client');

/**
 * Serves the built dashboard. Hashed assets are cached for a year; index.html is revalidated so a new
 * build shows at once. Any other path falls back to index.html for client-side routes.
 */
export function staticClientRouter(dir = clientDir): Router {
  const router = Router();
  if (!existsSync(path.join(dir, 'index.html'))) {
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
  router.get(/^\/(?!graphql|api\/|healthz|readyz|s\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(dir, 'index.html'));
  });
  return router;
}
