import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { logger } from '../logger';
import { ListenConnection, listenConfig, withTimeout } from './listen-connection';
import { DATA_VERSION_CHANNEL, parsePayload, READ_VERSION_SQL, type Change, type DataVersion } from './notification';
import { commitHooks } from './own-commits';
import type { VersionView } from './version-state';
import { Versions, type VersionsOptions } from './versions';

// Why a request may trust the version in memory, and for how long: see index.ts.

interface WatcherOptions extends VersionsOptions {
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
  private readonly versions: Versions;
  private modeValue: Mode = 'connecting';
  private polledAt = 0;
  private readonly options: Required<Omit<WatcherOptions, keyof VersionsOptions>>;
  private loop?: Promise<void>;
  private current?: ListenConnection;
  /** A probe has arrived here before: notifications work, so a later probe that does not is a slow database, not a reason to poll. */
  private notificationsArrive = false;
  private wake?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    { publishEveryMs, gapMs, writerFreshMs, ...options }: WatcherOptions = {},
  ) {
    this.versions = new Versions({ publishEveryMs, gapMs, writerFreshMs });
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
    return this.versions.latest;
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
    this.versions.stop();
  }

  /** The newest version: from memory while it is trusted, else read now. */
  async read(): Promise<DataVersion> {
    const latest = this.versions.latest;
    if (latest && this.trusted()) return latest;
    const [row] = await this.dataSource.query(READ_VERSION_SQL);
    this.versions.saw({ version: Number(row.version), updatedAt: new Date(row.updated_at) });
    return this.versions.latest!;
  }

  /**
   * The view a request of this user keys its answers by (see Versions): the shared one, or the
   * newest for a writer. While memory is not trusted, the newest as read from the table.
   */
  async view(userId: number | null): Promise<VersionView> {
    if (this.versions.latest && this.trusted()) return this.versions.viewFor(userId);
    await this.read();
    return this.versions.newest();
  }

  /** This user's write has committed: they read the newest version for a moment. */
  wrote(userId: number): void {
    this.versions.wrote(userId);
  }

  /** Called with each version the shared view advances to, in increasing order, at most about once a second. */
  onChange(listener: (v: DataVersion) => void): () => void {
    return this.versions.onPublish(listener);
  }

  /** Records a committed change (this process's, at COMMIT; another's, by notification). */
  advance(change: Change): void {
    if (Number.isSafeInteger(change.version)) this.versions.apply(change);
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
      const connection = new ListenConnection(listenConfig(this.dataSource), DATA_VERSION_CHANNEL, () => {
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
      // under load a probe can take longer than its timeout: try the connection again, as after a failure
      if (!listening && this.notificationsArrive) throw new Error(`the notification probe took over ${this.options.probeTimeoutMs} ms`);
      this.notificationsArrive ||= listening;
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
    const { rows } = await connection.query(READ_VERSION_SQL);
    this.versions.saw({ version: Number(rows[0].version), updatedAt: new Date(rows[0].updated_at) });
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
}
