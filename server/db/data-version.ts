import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource, DataSourceOptions } from 'typeorm';
import { logger } from '../logger';
import { ListenConnection, withTimeout } from './listen-connection';
import { commitHooks } from './own-commits';

export { versionWritten } from './own-commits';

/** The channel every write notifies on commit (see bumpDataVersion). */
export const DATA_VERSION_CHANNEL = 'w4r_data_version';

export interface DataVersion {
  version: number;
  /** When the write that made this version started (the row's `updated_at`). */
  updatedAt: Date;
}

/**
 * Bumps the version and queues a notification carrying it, in one statement. PostgreSQL delivers
 * the notification only when (and if) the transaction commits, in commit order.
 */
export const BUMP_DATA_VERSION_SQL = `WITH bumped AS (
    UPDATE data_version SET version = version + 1, updated_at = now() RETURNING version, updated_at
  )
  SELECT version, updated_at,
    pg_notify('${DATA_VERSION_CHANNEL}', json_build_object('version', version, 'updatedAt', updated_at)::text)
  FROM bumped`;

const READ_SQL = `SELECT version, updated_at FROM data_version`;

/*
 * Why a request may trust the version held in memory, and for how long.
 *
 * Answers are cached under the data version a request starts with (QueryCache), so the one thing
 * that must never happen is a request that starts after a write committed being keyed by an older
 * version: it could be served an answer cached before the write.
 *
 * - Writes of this process: bumpDataVersion leaves the new version on the transaction's query
 *   runner, and a TypeORM subscriber advances the watchers of this data source right after COMMIT
 *   returns, before the writer's caller (the mutation, the upload) answers. Anything that starts
 *   after the write answered sees the new version: exact, no window.
 * - Writes of other processes (another instance, `npm run import`) arrive by NOTIFY, usually a few
 *   milliseconds after their commit. In that window this process still answers from the previous
 *   version: the staleness the "Scale" issue accepts (visible in ≤ 1 s). Only increases are
 *   applied, so a late or repeated notification never moves the version back.
 * - The memory is trusted only while it is known to follow the database: while the LISTEN
 *   connection is up and proved to receive notifications (a probe sent through the ordinary pool
 *   after LISTEN, so the channel is checked end to end), or, when polling, for 1 s after a poll
 *   started. Otherwise (starting, reconnecting, a poll stuck behind an embedded transaction) each
 *   request reads data_version itself, as every request used to: slower, never stale.
 * - On (re)connect LISTEN comes before reading the version, so no commit falls between the two.
 * - A heartbeat reads the version every 5 s on the LISTEN connection; no answer in 3 s and the
 *   connection is treated as dead (a silent network failure sends no error). So a silently dead
 *   listener can leave this process up to ~8 s behind other instances in the worst case; a closed
 *   connection (server restart, killed backend) is noticed at once.
 * - The embedded PGlite, served through pglite-socket, runs every connection in one session: a
 *   NOTIFY is delivered back to the connection that sent it, never to the listener (tried with
 *   pglite 0.5.14 / pglite-socket 0.2.17). There, and wherever the probe fails (e.g. a pooler in
 *   transaction mode), the watcher polls every 500 ms instead. The embedded database has a single
 *   writer process anyway (its lock), so its own commits already advance the version at once.
 */

interface WatcherOptions {
  /** Try LISTEN/NOTIFY (default); false: poll from the start (the embedded database). */
  listen?: boolean;
  pollMs?: number;
  /** While polling, how long a poll's answer may be trusted. */
  pollTrustMs?: number;
  heartbeatMs?: number;
  heartbeatTimeoutMs?: number;
  probeTimeoutMs?: number;
  /** Reconnection delay: doubles from the first value up to the second. */
  backoffMs?: [number, number];
}

type Mode = 'connecting' | 'listening' | 'polling' | 'down' | 'stopped';

/**
 * The current data version of one database, kept in memory for this process: one dedicated
 * connection LISTENs for the notifications writes send on commit (or polls where that cannot work),
 * reconnecting with backoff when the connection drops. It never throws out of its own loop.
 */
export class DataVersionWatcher {
  private latestValue: DataVersion | null = null;
  private modeValue: Mode = 'connecting';
  private polledAt = 0;
  private readonly listeners = new Set<(v: DataVersion) => void>();
  private readonly options: Required<WatcherOptions>;
  private loop?: Promise<void>;
  private current?: ListenConnection;
  private wake?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    options: WatcherOptions = {},
  ) {
    this.options = {
      listen: true,
      pollMs: 500,
      pollTrustMs: 1000,
      heartbeatMs: 5000,
      heartbeatTimeoutMs: 3000,
      probeTimeoutMs: 1000,
      backoffMs: [250, 5000],
      ...options,
    };
  }

  /** 'listening' or 'polling' when requests are answered from memory. */
  get mode(): Mode {
    return this.modeValue;
  }

  /** The highest version seen so far (possibly behind the database: see read()). */
  get latest(): DataVersion | null {
    return this.latestValue;
  }

  /**
   * Starts watching; resolves once the first connection attempt has finished (up or not), so a
   * fresh server answers from memory at once. Failures are retried in the background.
   */
  async start(): Promise<void> {
    if (this.loop) return;
    commitHooks(this.dataSource).add(this);
    let firstAttempt!: () => void;
    const attempted = new Promise<void>((resolve) => (firstAttempt = resolve));
    this.loop = this.run(firstAttempt);
    await attempted;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.modeValue = 'stopped';
    commitHooks(this.dataSource).delete(this);
    this.wake?.();
    this.current?.close();
    await this.loop;
    this.listeners.clear();
  }

  /** The version a request keys its cache by: from memory while it is trusted, else read now. */
  async read(): Promise<DataVersion> {
    if (this.latestValue && this.trusted()) return this.latestValue;
    const [row] = await this.dataSource.query(READ_SQL);
    this.advance({ version: Number(row.version), updatedAt: new Date(row.updated_at) });
    return this.latestValue!;
  }

  /** Called with each new version, in increasing order (not for every intermediate one). */
  onChange(listener: (v: DataVersion) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records a committed version; ignores anything not newer than what is known. */
  advance(v: DataVersion): void {
    if (!Number.isSafeInteger(v.version) || (this.latestValue && v.version <= this.latestValue.version)) return;
    this.latestValue = v;
    for (const listener of this.listeners) {
      try {
        listener(v);
      } catch (error) {
        logger.error({ err: error }, 'a data version listener failed');
      }
    }
  }

  /** A getter rather than a comparison in place: TypeScript would wrongly narrow the mode across awaits. */
  private get stopped(): boolean {
    return this.modeValue === 'stopped';
  }

  private trusted(): boolean {
    if (this.modeValue === 'listening') return true;
    return this.modeValue === 'polling' && Date.now() - this.polledAt <= this.options.pollTrustMs;
  }

  private async run(firstAttempt: () => void): Promise<void> {
    const [initialDelay, maxDelay] = this.options.backoffMs;
    let delay = initialDelay;
    while (!this.stopped) {
      this.modeValue = 'connecting';
      // the moment the connection is lost, requests stop trusting the memory
      const connection = new ListenConnection(this.connectionConfig(), DATA_VERSION_CHANNEL, () => {
        if (!this.stopped) this.modeValue = 'down';
      });
      this.current = connection;
      let wasUp = false;
      try {
        await connection.open();
        await this.follow(connection, () => {
          wasUp = true;
          firstAttempt();
        });
      } catch (error) {
        if (!this.stopped) logger.warn({ err: error }, 'data version watcher: connection failed, retrying');
      } finally {
        connection.close();
        firstAttempt();
      }
      if (this.stopped) break;
      this.modeValue = 'down';
      if (wasUp) delay = initialDelay;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      delay = Math.min(delay * 2, maxDelay);
    }
  }

  /** Follows the database on an open connection until it fails or the watcher stops. */
  private async follow(connection: ListenConnection, up: () => void): Promise<void> {
    let listening = false;
    if (this.options.listen) {
      connection.onNotification((payload) => {
        const v = parsePayload(payload);
        if (v) this.advance(v);
      });
      await connection.query(`LISTEN ${DATA_VERSION_CHANNEL}`);
    }
    // after LISTEN: a commit between the two cannot be missed
    const readAt = Date.now();
    await this.readOn(connection);
    this.polledAt = readAt;
    if (this.options.listen) {
      listening = await this.probe(connection);
      if (!listening) {
        await connection.query(`UNLISTEN ${DATA_VERSION_CHANNEL}`);
        logger.warn('data version watcher: notifications do not arrive here; polling every %d ms', this.options.pollMs);
      }
    }
    if (this.stopped || connection.closed) return;
    this.modeValue = listening ? 'listening' : 'polling';
    up();
    const { heartbeatMs, heartbeatTimeoutMs, pollMs } = this.options;
    while (!this.stopped && !connection.closed) {
      await connection.sleep(listening ? heartbeatMs : pollMs);
      if (this.stopped || connection.closed) break;
      if (listening) {
        // a dead peer sends no error: a heartbeat that does not come back ends the connection
        await withTimeout(this.readOn(connection), heartbeatTimeoutMs, 'heartbeat');
      } else {
        // no timeout while polling: on the embedded database a poll waits behind a transaction,
        // and the trust window (not a reconnect) covers that
        const started = Date.now();
        await this.readOn(connection);
        this.polledAt = started;
      }
    }
    if (!connection.closed) connection.close();
    if (connection.error) throw connection.error;
  }

  private async readOn(connection: ListenConnection): Promise<void> {
    const { rows } = await connection.query(READ_SQL);
    this.advance({ version: Number(rows[0].version), updatedAt: new Date(rows[0].updated_at) });
  }

  /** Sends a notification through the ordinary pool and waits for it on the LISTEN connection. */
  private async probe(connection: ListenConnection): Promise<boolean> {
    const token = `probe:${randomBytes(8).toString('hex')}`;
    const arrived = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), this.options.probeTimeoutMs);
      timer.unref();
      connection.onNotification((payload) => {
        if (payload !== token) return;
        clearTimeout(timer);
        resolve(true);
      });
    });
    await this.dataSource.query(`SELECT pg_notify($1, $2)`, [DATA_VERSION_CHANNEL, token]);
    return arrived;
  }

  private connectionConfig(): pg.ClientConfig {
    const o = this.dataSource.options as Extract<DataSourceOptions, { type: 'postgres' }>;
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
}

function parsePayload(payload: string): DataVersion | null {
  if (/^\d+$/.test(payload)) return { version: Number(payload), updatedAt: new Date() };
  if (!payload.startsWith('{')) return null; // a probe
  try {
    const { version, updatedAt } = JSON.parse(payload);
    const at = new Date(updatedAt);
    return Number.isSafeInteger(version) && !Number.isNaN(at.getTime()) ? { version, updatedAt: at } : null;
  } catch {
    return null;
  }
}
