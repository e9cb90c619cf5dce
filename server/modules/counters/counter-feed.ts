import type { DataSource } from 'typeorm';
import { logger } from '../../logger';
import { readCounter } from './counter-figures';
import { counterView, type CounterView } from './counter-view';

interface Entry {
  readAt: number;
  pending: Promise<CounterView | null> | null;
  /** The last view read (null: no such counter); kept through a database outage. */
  last: CounterView | null | undefined;
}

/** Counters kept in memory at most this many (readers asking for random addresses cannot grow it). */
const MAX_COUNTERS = 2000;

/**
 * Public counters as readers see them: each counter is read from the database at most once per refresh
 * interval, however many readers ask (they share the read in flight), so a thousand requests a second
 * cost one query per interval. A failed read keeps serving the last figures.
 */
export class CounterFeed {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly db: DataSource,
    readonly refreshMs: number,
  ) {}

  async get(slug: string): Promise<CounterView | null> {
    let entry = this.entries.get(slug);
    if (entry && (Date.now() - entry.readAt < this.refreshMs || entry.pending)) return entry.pending ?? entry.last!;
    if (!entry) {
      if (this.entries.size >= MAX_COUNTERS) this.entries.delete(this.entries.keys().next().value!);
      entry = { readAt: 0, pending: null, last: undefined };
      this.entries.set(slug, entry);
    }
    const current = entry;
    current.pending = this.read(slug)
      .then((view) => (current.last = view))
      .catch((error) => {
        if (current.last === undefined) {
          this.entries.delete(slug);
          throw error;
        }
        logger.warn({ err: error, slug }, 'public counter: read failed, serving the last figures');
        return current.last;
      })
      .finally(() => {
        current.pending = null;
        current.readAt = Date.now();
      });
    return current.pending;
  }

  private async read(slug: string): Promise<CounterView | null> {
    const found = await readCounter(this.db, slug);
    return found && counterView(found.counter, found.figures, new Date(), Math.round(this.refreshMs / 1000));
  }
}
