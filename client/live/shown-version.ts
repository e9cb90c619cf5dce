/**
 * The oldest data version among the answers received since the last `reset()`, read from their
 * `extensions.freshness.dataVersion` (every GraphQL answer carries it). It tells whether the
 * figures on screen predate the first version the live socket announces: a report can land
 * between a page's queries and the subscription.
 */
export class ShownVersion {
  private oldest: number | null = null;

  saw(version: number): void {
    this.oldest = this.oldest === null ? version : Math.min(this.oldest, version);
  }

  get(): number | null {
    return this.oldest;
  }

  reset(): void {
    this.oldest = null;
  }
}

/** The data version an answer's extensions carry, if any. */
export function answerVersion(extensions: Record<string, unknown> | undefined): number | null {
  const freshness = extensions?.freshness;
  if (typeof freshness !== 'object' || freshness === null) return null;
  const version = (freshness as { dataVersion?: unknown }).dataVersion;
  return typeof version === 'number' && Number.isFinite(version) ? version : null;
}
