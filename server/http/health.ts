import { Router } from 'express';
import type { DataSource } from 'typeorm';

/** /healthz: the process is up and its database answers. */
export function healthRouter(dataSource: DataSource): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ok', database: 'up' });
    } catch {
      res.status(503).json({ status: 'error', database: 'down' });
    }
  });
  return router;
}
