import { CartesianGrid, Legend, Line, LineChart, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCount, formatYear } from '../format';
import { useRightToLeft } from '../i18n/use-messages';
import { chartSides, FIGURE_AXIS, LINE_AXIS, tooltipCount } from './axis-style';
import type { CumulativeRow } from './cumulative-series';
import { CHART_INK, DASHES, seriesColour } from './palette';

/** A numbered mark on the emphasised line (an outcome); the page lists what each number is. */
export interface ChartMark {
  day: number;
  value: number;
  label: string;
}

interface CumulativeChartProps {
  rows: readonly CumulativeRow[];
  /** The years drawn; the first is emphasised (solid, thicker, drawn on top), the others dashed. */
  years: readonly number[];
  /** Value axis ticks from 0, the last one at or above every value and the goal. */
  valueTicks: number[];
  /** Role img: the chart is one image for assistive technology, its figures are in the table. */
  ariaLabel: string;
  xAxisLabel: string;
  /** The tooltip's title for a day ("Day 12"). */
  dayLabel: (day: number) => string;
  goal?: { value: number; label: string } | null;
  marks?: readonly ChartMark[];
  /** A vertical line at a day (the same-day table's day). */
  marker?: { day: number; label: string } | null;
}

/**
 * The goal line's label, inside the plot at the line's start (its left, or its right when the chart
 * runs right to left), anchored at the text's start so that it runs into the plot either way.
 * Recharts' 'insideTopRight' anchors at the text's end, which right to left is its left edge: the
 * Arabic label ran out over the value axis and was cut ("ف ٢٩٥٬٠٠٠").
 */
function GoalLabel({ text, rtl, viewBox }: { text: string; rtl: boolean; viewBox?: { x: number; y: number; width: number } }) {
  if (!viewBox) return null;
  return (
    <text
      className="chart-goal-label"
      x={rtl ? viewBox.x + viewBox.width - 5 : viewBox.x + 5}
      y={viewBox.y + 5}
      direction={rtl ? 'rtl' : 'ltr'}
      textAnchor="start"
      dominantBaseline="hanging"
      fill="#111"
      fontSize={12}
    >
      {text}
    </text>
  );
}

/** Cumulative actions by day for any number of years; it draws the rows and shapes nothing itself. */
export function CumulativeChart({ rows, years, valueTicks, ariaLabel, xAxisLabel, dayLabel, goal, marks = [], marker }: CumulativeChartProps) {
  const side = chartSides(useRightToLeft());
  return (
    <div className="chart" role="img" aria-label={ariaLabel}>
      <LineChart
        data={rows as CumulativeRow[]}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={side.margin({ top: 16, right: 16, bottom: 24, left: 0 })}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={CHART_INK.grid} vertical={false} />
        <XAxis
          {...LINE_AXIS}
          dataKey="day"
          type="number"
          reversed={side.reversed}
          tickFormatter={formatCount}
          domain={['dataMin', 'dataMax']}
          allowDecimals={false}
          label={{ value: xAxisLabel, position: 'insideBottom', offset: -16, fill: CHART_INK.text, fontSize: 13 }}
        />
        <YAxis {...FIGURE_AXIS} orientation={side.start} domain={[0, valueTicks.at(-1) ?? 'auto']} ticks={valueTicks} interval={0} />
        {goal ? (
          <ReferenceLine
            y={goal.value}
            ifOverflow="extendDomain"
            stroke="#111"
            strokeDasharray="2 4"
            label={<GoalLabel text={goal.label} rtl={side.reversed} />}
          />
        ) : null}
        {marker ? (
          <ReferenceLine
            x={marker.day}
            stroke="#111"
            strokeDasharray="3 3"
            label={{ value: marker.label, position: side.reversed ? 'insideTopLeft' : 'insideTopRight', fill: '#111', fontSize: 12 }}
          />
        ) : null}
        <Tooltip
          labelFormatter={(day) => dayLabel(Number(day))}
          formatter={tooltipCount}
        />
        <Legend verticalAlign="top" align={side.end} height={32} iconType="plainline" />
        {/* Drawn last to first, so the emphasised year lies on top. */}
        {[...years].reverse().map((year) => {
          const index = years.indexOf(year);
          return (
            <Line
              key={year}
              dataKey={String(year)}
              name={formatYear(year)}
              type="monotone"
              stroke={seriesColour(index)}
              strokeWidth={index === 0 ? 3 : 2}
              strokeDasharray={DASHES[index % DASHES.length] || undefined}
              dot={false}
              activeDot={{ r: 4 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          );
        })}
        {marks.map((mark) => (
          <ReferenceDot
            key={`${mark.day}-${mark.label}`}
            x={mark.day}
            y={mark.value}
            r={9}
            fill="#fff"
            stroke="#111"
            strokeWidth={2}
            label={{ value: mark.label, fill: '#111', fontSize: 11, fontWeight: 700 }}
          />
        ))}
      </LineChart>
    </div>
  );
}
