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
