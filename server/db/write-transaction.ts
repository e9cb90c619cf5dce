import type { DataSource, EntityManager } from 'typeorm';
import { logger } from '../logger';

/** Attempts of a write transaction before its deadlock or serialization failure is answered. */
const ATTEMPTS = 3;

/** PostgreSQL's deadlock_detected and serialization_failure: the transaction was rolled back whole, so it may run again. */
const RETRYABLE = new Set(['40P01', '40001']);

const codeOf = (error: unknown) => (error as { driverError?: { code?: string } }).driverError?.code ?? '';
const isRetryable = (error: unknown) => RETRYABLE.has(codeOf(error));

/**
 * Runs `work` in a transaction, again (up to ATTEMPTS times) when PostgreSQL rolled it back on a
 * deadlock or a serialization failure. Every writer of reports locks rows in one order
 * (server/modules/rollups/rollup-maintenance.ts), so this is a safety net for single writes (a form,
 * a correction, a retraction), not the cure: a person's report must not be refused because another
 * writer held a row at that moment. Only for work the caller can repeat whole (not a streamed import).
 */
export async function writeTransaction<T>(db: DataSource, work: (m: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      if (!isRetryable(error) || attempt === ATTEMPTS) throw error;
      // each one is a lock taken against the one order: worth finding in the log
      logger.warn({ code: codeOf(error), attempt }, 'write transaction rolled back by PostgreSQL; running it again');
    }
  }
}
