import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ActionType } from '../../gql/graphql';
import { CHART_INK, seriesColour } from '../../charts/palette';
import { ACTION_TYPES } from '../../filters/filter-params';
import { formatCompact, formatCount, formatShortDate } from '../../format';
import type { DailyTypeRow } from './daily-by-type';

interface ActionsByTypeChartProps {
  rows: readonly DailyTypeRow[];
  types: readonly ActionType[];
  typeLabel: (type: ActionType) => string;
  /** Campaign dates drawn as lines when they fall inside the days shown. */
  markers: readonly { date: string; label: string }[];
  ariaLabel: string;
}

/** Daily actions stacked by type; it draws what mergeDailyByType made. */
export function ActionsByTypeChart({ rows, types, typeLabel, markers, ariaLabel }: ActionsByTypeChartProps) {
  const first = rows[0]?.date ?? '';
  const last = rows.at(-1)?.date ?? '';
  const labels = types.map(typeLabel);
  return (
    <div className="chart" role="img" aria-label={ariaLabel}>
      <BarChart
        data={rows as DailyTypeRow[]}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        barCategoryGap={1}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={CHART_INK.grid} vertical={false} />
        <XAxis
          dataKey="date"
          tickFormatter={formatShortDate}
          tick={{ fill: CHART_INK.text, fontSize: 12 }}
          tickLine={false}
          stroke={CHART_INK.axis}
          minTickGap={24}
        />
        <YAxis
          tickFormatter={formatCompact}
          tick={{ fill: CHART_INK.text, fontSize: 12 }}
          tickLine={false}
          axisLine={false}
          width={48}
          allowDecimals={false}
        />
        {markers
          .filter((m) => m.date >= first && m.date <= last)
          .map((m) => (
            <ReferenceLine
              key={m.date}
              x={m.date}
              stroke={CHART_INK.text}
              strokeDasharray="2 4"
              label={{ value: m.label, position: 'insideTopLeft', fill: CHART_INK.text, fontSize: 12 }}
            />
          ))}
        <Tooltip
          labelFormatter={(date) => formatShortDate(String(date))}
          formatter={(value) => (typeof value === 'number' ? formatCount(value) : String(value))}
        />
        {/* In the order of the bars (recharts sorts by label otherwise). */}
        <Legend verticalAlign="top" align="left" height={56} itemSorter={(item) => labels.indexOf(String(item.value))} />
        {types.map((type) => (
          <Bar
            key={type}
            dataKey={(row: DailyTypeRow) => row.byType[type]}
            name={typeLabel(type)}
            stackId="actions"
            // The colour follows the type, so a type keeps its colour from case to case.
            fill={seriesColour(ACTION_TYPES.indexOf(type))}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </div>
  );
}
