import type pg from 'pg';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
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
  return retried(() => db.transaction(work));
}

/**
 * As writeTransaction, in as few round trips as the work has steps: BEGIN goes with the first
 * statement (ShortTransaction.query) and COMMIT with the last (ShortTransaction.commitWith); work
 * that does not commit is committed after it returns, or rolled back when it throws.
 */
export async function shortWriteTransaction<T>(db: DataSource, work: (tx: ShortTransaction) => Promise<T>): Promise<T> {
  return retried(async () => {
    const runner = db.createQueryRunner('master');
    const tx = new ShortTransaction(runner.manager);
    try {
      const result = await work(tx);
      if (tx.state === 'open') await tx.commitWith([]);
      return result;
    } catch (error) {
      if (tx.state === 'open') await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  });
}

async function retried<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (!isRetryable(error) || attempt === ATTEMPTS) throw error;
      // each one is a lock taken against the one order: worth finding in the log
      logger.warn({ code: codeOf(error), attempt }, 'write transaction rolled back by PostgreSQL; running it again');
    }
  }
}

/**
 * A short write transaction sent in few round trips. Under the December peak a form's write spent
 * nine tenths of its time idle in transaction (pg_stat_activity sampled every 10 ms): after each
 * answer the database waits for the server's busy event loop to read it and send the next
 * statement, with the summary rows and the data version locked meanwhile. So BEGIN travels with
 * the first statement, and COMMIT with the last ones, each as one simple query; statements in
 * between are sent as usual (`manager` is on the same connection, inside the transaction).
 * TypeORM does not know of this transaction: nothing here may call its transaction methods.
 */
export class ShortTransaction {
  state: 'new' | 'open' | 'committed' = 'new';

  constructor(readonly manager: EntityManager) {}

  /** A statement of the transaction, its rows (as EntityManager.query); the first one opens it, in the same round trip. */
  async query<T = unknown[]>(sql: string, params: unknown[] = []): Promise<T> {
    if (this.state !== 'new') return this.manager.query(sql, params);
    const client = await this.client();
    const text = `BEGIN;\n${inlined(client, sql, params)}`;
    this.state = 'open';
    const [, result] = await simpleQuery(client, text);
    return result.rows as T;
  }

  /** The transaction's last statements and COMMIT, in one round trip (one simple query): each statement's result. */
  async commitWith(statements: string[]): Promise<pg.QueryResult[]> {
    if (this.state === 'committed') throw new Error('the transaction has committed already');
    const opening = this.state === 'new' ? ['BEGIN'] : [];
    const client = await this.client();
    this.state = 'open';
    const results = await simpleQuery(client, [...opening, ...statements, 'COMMIT'].join(';\n'));
    this.state = 'committed';
    return results.slice(opening.length, opening.length + statements.length);
  }

  private client(): Promise<pg.PoolClient> {
    return this.manager.queryRunner!.connect();
  }
}

/**
 * Several statements as one simple query: each one's result (the driver answers a single statement
 * with its result, several with a list). Errors as TypeORM's own (retries and 503s read their driverError).
 */
export async function simpleQuery(client: pg.ClientBase, sql: string): Promise<pg.QueryResult[]> {
  try {
    const results: pg.QueryResult | pg.QueryResult[] = await client.query(sql);
    return Array.isArray(results) ? results : [results];
  } catch (error) {
    throw new QueryFailedError(sql, [], error as Error);
  }
}

/**
 * `sql` with its parameters $1, $2... written in as literals (a simple query takes no parameters).
 * Every `$` followed by digits is taken for a parameter: not for statements with one in a string or
 * a dollar-quoted body.
 */
function inlined(client: pg.ClientBase, sql: string, params: unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = params[Number(n) - 1];
    if (value === null || value === undefined) return 'NULL';
    if (typeof value !== 'string' && typeof value !== 'number') throw new Error(`parameter $${n}: only text and numbers are written in`);
    return client.escapeLiteral(String(value));
  });
}
