import pg from 'pg';
import { DatabaseUnavailableError } from './database-unavailable';

type Done = (release?: unknown) => void;
type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, done: Done) => void;

/**
 * The `pg` driver for TypeORM (its `driver` option) with a pool whose queue is bounded: pg-pool
 * queues requests for a connection without limit, so under overload every request waits the whole
 * connection timeout and then fails. Here a request finding `queueLimit` others already waiting is
 * refused at once, and any failure to get a connection (the wait over, the server refusing or
 * gone) is a DatabaseUnavailableError: answered 503, not as an internal error.
 */
export function boundedPg(queueLimit: number): typeof pg {
  class BoundedPool extends pg.Pool {
    override connect(): Promise<pg.PoolClient>;
    override connect(callback: ConnectCallback): void;
    override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
      const refused = this.waitingCount >= queueLimit ? new DatabaseUnavailableError('busy') : null;
      if (!callback) {
        if (refused) return Promise.reject(refused);
        return super.connect().catch((error: unknown) => {
          throw unavailable(error);
        });
      }
      if (refused) return void process.nextTick(() => callback(refused, undefined, () => undefined));
      super.connect((error, client, done) => callback(error && unavailable(error), client, done));
    }
  }
  return { ...pg, Pool: BoundedPool } as typeof pg;
}

function unavailable(error: unknown): DatabaseUnavailableError {
  // pg-pool's own words for a wait that ran out
  const busy = error instanceof Error && error.message === 'timeout exceeded when trying to connect';
  return new DatabaseUnavailableError(busy ? 'busy' : 'down', { cause: error });
}
