/**
 * How much larger `current` is than `before`, as a ratio (0.08 is 8 % more); null when there is
 * nothing to compare with (no figure, or 0: any change from nothing is infinite).
 */
export function relativeChange(current: number, before: number | null | undefined): number | null {
  if (before === null || before === undefined || before === 0) return null;
  return (current - before) / before;
}
