/**
 * The actions a public counter may show. A counter publishes one total of one scope, and other counters
 * (or the whole campaign's) publish the scopes around it: a region's total minus a country's gives the
 * rest of the region. So a figure is shown only when it, and what it leaves of every enclosing scope
 * (region, whole campaign), are zero or at least the threshold: the secondary suppression of
 * design.md §5 for single figures. Null means hidden ("fewer than N").
 */
export function disclosedActions(actions: number, enclosing: number[], threshold: number): number | null {
  const small = (n: number) => n > 0 && n < threshold;
  if (actions < threshold) return null;
  if (enclosing.some((total) => small(total - actions))) return null;
  return actions;
}
