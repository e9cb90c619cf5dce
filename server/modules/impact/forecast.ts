/**
 * Forecast of a campaign's final total from the shape of past years' curves.
 *
 * Method: for each past campaign, take the share of its final total that it had reached by the same
 * campaign day (days since writing started). Dividing today's total by that share projects this
 * year's final total as if it followed that year's curve. The forecast is the median of those
 * projections and the range their lowest and highest. Years that had reached less than 5% by that
 * day are left out: early in December one letter more or less would swing them wildly. Once the
 * reporting deadline has passed the total is final and the forecast is the total itself.
 */
export interface PastCurve {
  year: number;
  /** Actions reached by the same campaign day. */
  atDay: number;
  /** Final total. */
  final: number;
}

export interface Forecast {
  expected: number;
  low: number;
  high: number;
  /** Past campaigns the projection rests on. */
  basedOnYears: number[];
  /** Median share of the final total that past campaigns had reached by this day (the pace). */
  expectedShareByNow: number;
}

export const MIN_SHARE = 0.05;

export function forecastFinal(current: number, past: PastCurve[], campaignOver: boolean): Forecast | null {
  if (campaignOver) return { expected: current, low: current, high: current, basedOnYears: [], expectedShareByNow: 1 };
  const usable = past
    .filter((p) => p.final > 0 && p.atDay / p.final >= MIN_SHARE)
    .map((p) => ({ year: p.year, share: p.atDay / p.final }));
  if (usable.length === 0) return null;
  const projections = usable.map((u) => current / u.share);
  return {
    expected: Math.round(median(projections)),
    low: Math.round(Math.min(...projections)),
    high: Math.round(Math.max(...projections)),
    basedOnYears: usable.map((u) => u.year).sort(),
    expectedShareByNow: median(usable.map((u) => u.share)),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
