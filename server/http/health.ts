import { Router } from 'express';
import type { DataSource } from 'typeorm';
import { migrations } from '../db/data-source';
import { RETRY_AFTER_SECONDS } from '../db/database-unavailable';

const withTimeout = <T>(work: Promise<T>, ms: number) =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);

/**
 * /healthz: the process is up and its database answers (the design's health check). Asked on the
 * write pool, which reads never take: a dashboard overload is not a database down.
 * /readyz: ready for traffic: the database answers within 2 s and has every migration this code
 * expects; a load balancer takes the instance out while it is not.
 */
export function healthRouter(dataSource: DataSource): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await withTimeout(dataSource.query('SELECT 1'), 2000);
      res.json({ status: 'ok', database: 'up' });
    } catch {
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      res.status(503).json({ status: 'error', database: 'down' });
    }
  });
  router.get('/readyz', async (_req, res) => {
    try {
      const [{ n }] = await withTimeout(dataSource.query(`SELECT count(*)::int AS n FROM migrations`), 2000);
      if (n < migrations.length) return void res.status(503).json({ status: 'migrating', migrations: n, expected: migrations.length });
      res.json({ status: 'ready', migrations: n });
    } catch {
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
      res.status(503).json({ status: 'unavailable', database: 'down' });
    }
  });
  return router;
}
