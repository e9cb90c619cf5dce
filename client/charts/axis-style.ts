import { formatCompact, formatCount } from '../format';
import { CHART_INK } from './palette';

// The look every chart shares, spread onto recharts' XAxis and YAxis (`<YAxis {...FIGURE_AXIS} />`).

/** Tick labels. */
export const TICK = { fill: CHART_INK.text, fontSize: 12 } as const;

/** An axis drawn as a grey line without tick marks: the days, dates or years along the bottom. */
export const LINE_AXIS = { tick: TICK, tickLine: false, stroke: CHART_INK.axis } as const;

/** The figures' axis: compact numbers and no line, as wide as its labels (Spanish "300 mil" is wider than "300k"). */
export const FIGURE_AXIS = { tickFormatter: formatCompact, tick: TICK, tickLine: false, axisLine: false, width: 'auto' } as const;

/** A figure in a tooltip, in the reader's language. */
export const tooltipCount = (value: unknown): string => (typeof value === 'number' ? formatCount(value) : String(value));

type Side = 'left' | 'right';

/**
 * Where a chart's parts stand in the reading direction. Right to left (Arabic) the chart is mirrored
 * as its readers expect: time and bars run from right to left (`reversed` on the XAxis), the figures'
 * axis stands on the right, and margins, legends and labels swap sides.
 */
export function chartSides(rtl: boolean) {
  const start: Side = rtl ? 'right' : 'left';
  const end: Side = rtl ? 'left' : 'right';
  return {
    reversed: rtl,
    start,
    end,
    /** A margin given for left to right, mirrored when the chart is. */
    margin: (m: { top: number; right: number; bottom: number; left: number }) => (rtl ? { ...m, left: m.right, right: m.left } : m),
  };
}
