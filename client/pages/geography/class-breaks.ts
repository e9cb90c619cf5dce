// Shading classes for the map. Actions per country are very skewed (a few countries write most of the
// letters), so equal-width classes would paint nearly every country the palest shade. Quantile
// classes give each shade about as many countries, and the legend states each class's range.

export interface ShadeClass {
  /** Inclusive bounds, in actions. */
  min: number;
  max: number;
  /** A colour from the sequential palette, light to dark. */
  colour: string;
}

/**
 * Up to `shades.length` quantile classes over positive whole counts. Ties never straddle two
 * classes, so there are fewer classes when there are few distinct values (one country: one class).
 */
export function classBreaks(values: readonly number[], shades: readonly string[]): ShadeClass[] {
  const sorted = values.filter((value) => value > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const wanted = Math.min(shades.length, new Set(sorted).size);
  // The lower bound of each class after the first: the value at its quantile, or the next larger
  // value when a run of ties reaches past the quantile, so the bounds rise strictly.
  const starts: number[] = [];
  for (let i = 1; i < wanted; i++) {
    const previous = starts.at(-1) ?? sorted[0];
    const atQuantile = sorted[Math.floor((i * sorted.length) / wanted)];
    const start = atQuantile > previous ? atQuantile : sorted.find((value) => value > previous);
    if (start !== undefined) starts.push(start);
  }
  const bounds = [sorted[0], ...starts];
  return bounds.map((min, i) => ({
    min,
    max: i + 1 < bounds.length ? bounds[i + 1] - 1 : sorted[sorted.length - 1],
    colour: shades[shadeIndex(i, bounds.length, shades.length)],
  }));
}

/** Spread `count` classes over the shades so that few classes still run from light to dark. */
function shadeIndex(index: number, count: number, shadeCount: number): number {
  if (count === 1) return Math.floor(shadeCount / 2);
  return Math.round((index * (shadeCount - 1)) / (count - 1));
}

/** The class a count falls in; null for no actions (shown as "no reports"). */
export function classOf(value: number, classes: readonly ShadeClass[]): ShadeClass | null {
  if (value <= 0) return null;
  for (let i = classes.length - 1; i >= 0; i--) {
    if (value >= classes[i].min) return classes[i];
  }
  return classes[0] ?? null;
}
