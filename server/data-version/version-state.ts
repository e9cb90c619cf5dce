import { touches, type Part, type Reads } from './areas';
import type { Change } from './notification';

/** The data version as one request sees it, fixed for the request. */
export interface VersionView {
  version: number;
  updatedAt: Date;
  /**
   * The last version that changed what `reads` covers: the key of an answer made of those reads.
   * It stays the same while writes go elsewhere, so such an answer stays cached.
   */
  changedAt(reads: Reads): number;
}

/** The versions of the parts the writes so far changed. Immutable: `with` makes the next one. */
export class VersionState implements VersionView {
  private readonly memo = new Map<string, number>();

  constructor(
    readonly version: number,
    readonly updatedAt: Date,
    /** The last change of anything (a write without parts). */
    private readonly everythingAt: number,
    /** The last change of each part, by `year|region|country`. */
    private readonly parts: ReadonlyMap<string, { part: Part; at: number }>,
  ) {}

  /** Everything counts as changed at `version` (a start, or changes whose parts are unknown). */
  static everything(v: { version: number; updatedAt: Date }): VersionState {
    return new VersionState(v.version, v.updatedAt, v.version, new Map());
  }

  with(change: Change): VersionState {
    if (!change.parts) return VersionState.everything(change);
    const parts = new Map(this.parts);
    for (const part of change.parts) parts.set(`${part.year}|${part.region}|${part.country}`, { part, at: change.version });
    return new VersionState(change.version, change.updatedAt, this.everythingAt, parts);
  }

  changedAt(reads: Reads): number {
    if (reads === 'all') return this.version;
    const key = JSON.stringify(reads);
    let at = this.memo.get(key);
    if (at === undefined) {
      at = this.everythingAt;
      for (const { part, at: partAt } of this.parts.values()) {
        if (partAt > at && reads.some((area) => touches(part, area))) at = partAt;
      }
      this.memo.set(key, at);
    }
    return at;
  }
}
