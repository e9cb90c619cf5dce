import pg from 'pg';
import type { DataSource, DataSourceOptions } from 'typeorm';

/** One pg client, its failure kept rather than thrown (an unhandled 'error' event kills the process). */
export class ListenConnection {
  private readonly client: pg.Client;
  closed = false;
  error?: Error;
  private readonly closedListeners = new Set<() => void>();

  constructor(
    config: pg.ClientConfig,
    private readonly channel: string,
    private readonly onClosed: () => void,
  ) {
    this.client = new pg.Client(config);
    this.client.on('error', (error) => this.fail(error));
    this.client.on('end', () => this.fail(new Error('the connection ended')));
  }

  async open(): Promise<void> {
    await this.client.connect();
  }

  query(sql: string): Promise<pg.QueryResult> {
    if (this.closed) return Promise.reject(this.error ?? new Error('the connection is closed'));
    return this.client.query(sql);
  }

  /** Payloads of notifications on `channel` (the connection must LISTEN to it). */
  onNotification(listener: (payload: string) => void): void {
    this.client.on('notification', (n) => {
      if (n.channel === this.channel && n.payload !== undefined) listener(n.payload);
    });
  }

  /** Waits, cut short when the connection closes. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.closedListeners.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.closedListeners.add(done);
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClosed();
    for (const listener of [...this.closedListeners]) listener();
    // not awaited: on a dead network end() may wait for a TCP timeout; the socket is abandoned
    this.client.end().catch(() => undefined);
  }

  private fail(error: Error): void {
    if (this.closed) return;
    this.error ??= error;
    this.close();
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} got no answer in ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** A connection of its own to the data source's database, for LISTEN (never one of the pool's). */
export function listenConfig(dataSource: DataSource): pg.ClientConfig {
  const o = dataSource.options as Extract<DataSourceOptions, { type: 'postgres' }>;
  return {
    ...(o.url
      ? { connectionString: o.url }
      : { host: o.host, port: o.port, user: o.username, password: o.password as string | undefined, database: o.database }),
    ssl: o.ssl as pg.ClientConfig['ssl'],
    application_name: 'w4r-impact data version',
    connectionTimeoutMillis: 10_000,
    keepAlive: true,
  };
}
