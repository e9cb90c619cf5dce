import { Throttle } from '../common/throttle';
import { logger } from '../logger';
import type { Change, DataVersion } from './notification';
import { VersionState, type VersionView } from './version-state';

export interface VersionsOptions {
  /** Shared answers advance at most this often under a stream of writes. */
  publishEveryMs?: number;
  /** How long a missing version may stay missing before everything counts as changed. */
  gapMs?: number;
  /** After a write, how long its writer reads the newest version rather than the shared one. */
  writerFreshMs?: number;
}

/**
 * The versions one process knows, and the two views requests read them through:
 *
 * - newest: every change committed and heard of. A writer reads it for a moment after their write,
 *   so they see it at once, whoever else is writing.
 * - shared: what everyone else's answers are keyed by. Under a stream of report writes it advances
 *   at most once per `publishEveryMs`, so a December peak recomputes a dashboard at most about once
 *   a second, not once per report; open dashboards hear of each advance (onPublish). A write without
 *   parts (a campaign, a user, a snapshot) advances it at once.
 *
 * Versions commit one after another (bump.ts), so a version heard before its predecessor means a
 * notification still on its way: it is held until the missing one arrives, and the newest view
 * counts everything as changed meanwhile. A version that never arrives (a lost notification, a
 * version read from the table) counts, after `gapMs`, as a change of everything.
 */
export class Versions {
  /** Every version up to this one is known with what it changed. */
  private state: VersionState | null = null;
  private shared: VersionState | null = null;
  /** Versions heard of beyond `state`, waiting for the ones before them. */
  private readonly ahead = new Map<number, Change>();
  private known: DataVersion | null = null;
  private readonly publisher: Throttle;
  private gapTimer?: NodeJS.Timeout;
  private readonly writers = new Map<number, number>();
  private readonly listeners = new Set<(v: DataVersion) => void>();
  private readonly options: Required<VersionsOptions>;

  constructor(options: VersionsOptions = {}) {
    const { publishEveryMs = 1000, gapMs = 1000, writerFreshMs = 2000 } = options;
    this.options = { publishEveryMs, gapMs, writerFreshMs };
    this.publisher = new Throttle(publishEveryMs, () => this.publish());
  }

  /** The highest version known to exist. */
  get latest(): DataVersion | null {
    return this.known;
  }

  /** A version read from the table: it exists, what it changed is unknown. */
  saw(v: DataVersion): void {
    if (!this.state || !this.known) return this.begin(v);
    if (v.version <= this.known.version) return;
    this.known = v;
    this.watchGap();
  }

  /** A committed change, from this process's commits or another's notification. */
  apply(change: Change): void {
    if (!this.state || !this.known) return this.begin(change);
    if (change.version <= this.state.version || this.ahead.has(change.version)) return;
    this.ahead.set(change.version, change);
    if (change.version > this.known.version) this.known = change;
    let everything = false;
    for (let next = this.ahead.get(this.state.version + 1); next; next = this.ahead.get(this.state.version + 1)) {
      this.ahead.delete(next.version);
      this.state = this.state.with(next);
      everything ||= !next.parts;
    }
    this.watchGap();
    if (everything) this.publisher.run();
    else this.publisher.request();
  }

  /** Every change heard of; during a gap, everything counts as changed at the newest version. */
  newest(): VersionView {
    const { state, known } = this;
    if (!state || !known) throw new Error('no data version known yet');
    return known.version === state.version ? state : VersionState.everything(known);
  }

  /** The view a request of this user keys its answers by. */
  viewFor(userId: number | null): VersionView {
    const wroteAt = userId === null ? undefined : this.writers.get(userId);
    if (wroteAt !== undefined && Date.now() - wroteAt < this.options.writerFreshMs) return this.newest();
    return this.shared ?? this.newest();
  }

  /** This user just wrote (their write has committed): their next requests read the newest version. */
  wrote(userId: number): void {
    const now = Date.now();
    if (this.writers.size > 1000) {
      for (const [id, at] of this.writers) if (now - at >= this.options.writerFreshMs) this.writers.delete(id);
    }
    this.writers.set(userId, now);
  }

  /** Called with each version the shared view advances to. */
  onPublish(listener: (v: DataVersion) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.publisher.stop();
    clearTimeout(this.gapTimer);
    this.gapTimer = undefined;
    this.listeners.clear();
  }

  private begin(v: DataVersion): void {
    this.known = v;
    this.state = VersionState.everything(v);
    this.publisher.run();
  }

  private watchGap(): void {
    if (this.known!.version === this.state!.version) {
      clearTimeout(this.gapTimer);
      this.gapTimer = undefined;
      return;
    }
    this.gapTimer ??= setTimeout(() => {
      this.gapTimer = undefined;
      if (this.known!.version === this.state!.version) return;
      logger.debug({ from: this.state!.version + 1, to: this.known!.version }, 'data versions never heard of: everything counts as changed');
      this.ahead.clear();
      this.state = VersionState.everything(this.known!);
      this.publisher.run();
    }, this.options.gapMs);
  }

  private publish(): void {
    const previous = this.shared;
    if (previous === this.state) return;
    this.shared = this.state;
    if (previous && this.shared!.version <= previous.version) return;
    for (const listener of this.listeners) {
      try {
        listener(this.shared!);
      } catch (error) {
        logger.error({ err: error }, 'a data version listener failed');
      }
    }
  }
}
