import { formatPercent } from '../../format';

/** A change as a signed percent, so it reads without colour: "+8 %", "−3 %" (a true minus), "0 %". */
export function formatSignedPercent(ratio: number): string {
  const rounded = formatPercent(Math.abs(ratio));
  if (rounded === formatPercent(0)) return rounded;
  return `${ratio > 0 ? '+' : '\u2212'}${rounded}`;
}
