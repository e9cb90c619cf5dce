import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCompact, formatCount } from '../format';
import type { CumulativeRow } from './cumulative-series';

// Okabe-Ito blue and vermillion: distinct for the common colour-vision deficiencies and at least
// 3:1 against white. The previous year is also dashed, so the lines differ without colour.
const CURRENT_COLOUR = '#0072B2';
const PREVIOUS_COLOUR = '#D55E00';

interface CumulativeChartProps {
  rows: CumulativeRow[];
  /** Oldest first; the last one is drawn on top. */
  years: readonly number[];
  currentYear: number;
  goal: number | null;
  /** Value axis ticks from 0, the last one at or above every value and the goal. */
  valueTicks: number[];
  /** The one-line text alternative; the numbers are in the table next to the chart. */
  summary: string;
}

/** Draws the rows made by buildCumulativeRows; it shapes nothing itself. */
export function CumulativeChart({ rows, years, currentYear, goal, valueTicks, summary }: CumulativeChartProps) {
  return (
    // The chart is one image for assistive technology: its summary and table carry the figures.
    <div className="chart" role="img" aria-label={`Line chart. ${summary}`}>
      <LineChart
        data={rows}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 16, right: 16, bottom: 24, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke="#e4e4e4" vertical={false} />
        <XAxis
          dataKey="day"
          type="number"
          domain={['dataMin', 'dataMax']}
          allowDecimals={false}
          tick={{ fill: '#404040', fontSize: 12 }}
          tickLine={false}
          stroke="#767676"
          label={{ value: 'Days since writing started', position: 'insideBottom', offset: -16, fill: '#404040', fontSize: 13 }}
        />
        <YAxis
          domain={[0, valueTicks.at(-1) ?? 'auto']}
          ticks={valueTicks}
          interval={0}
          tickFormatter={formatCompact}
          tick={{ fill: '#404040', fontSize: 12 }}
          tickLine={false}
          axisLine={false}
          width={48}
        />
        {goal ? (
          <ReferenceLine
            y={goal}
            ifOverflow="extendDomain"
            stroke="#111"
            strokeDasharray="2 4"
            label={{ value: `Goal ${formatCount(goal)}`, position: 'insideTopLeft', fill: '#111', fontSize: 12 }}
          />
        ) : null}
        <Tooltip
          labelFormatter={(day) => `Day ${String(day)}`}
          formatter={(value) => (typeof value === 'number' ? formatCount(value) : String(value))}
        />
        <Legend verticalAlign="top" align="right" height={32} iconType="plainline" />
        {years.map((year) => {
          const isCurrent = year === currentYear;
          return (
            <Line
              key={year}
              dataKey={String(year)}
              name={String(year)}
              type="monotone"
              stroke={isCurrent ? CURRENT_COLOUR : PREVIOUS_COLOUR}
              strokeWidth={isCurrent ? 3 : 2}
              strokeDasharray={isCurrent ? undefined : '6 4'}
              dot={false}
              activeDot={{ r: 4 }}
            />
          );
        })}
      </LineChart>
    </div>
  );
}
