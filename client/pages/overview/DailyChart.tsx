import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { chartSides, FIGURE_AXIS, LINE_AXIS, tooltipCount } from '../../charts/axis-style';
import { useRightToLeft } from '../../i18n/use-messages';
import { CHART_INK, PALETTE } from '../../charts/palette';
import { formatDate, formatShortDate } from '../../format';

interface DailyChartProps {
  days: readonly { date: string; actions: number }[];
  ariaLabel: string;
  /** The tooltip's name for the figure ("Actions"). */
  valueLabel: string;
}

/** Actions reported each day, as bars; it draws and shapes nothing. */
export function DailyChart({ days, ariaLabel, valueLabel }: DailyChartProps) {
  const side = chartSides(useRightToLeft());
  return (
    <div className="chart overview-daily" role="img" aria-label={ariaLabel}>
      <BarChart
        data={days as { date: string; actions: number }[]}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={side.margin({ top: 8, right: 8, bottom: 8, left: 0 })}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={CHART_INK.grid} vertical={false} />
        <XAxis {...LINE_AXIS} reversed={side.reversed} dataKey="date" tickFormatter={formatShortDate} minTickGap={24} />
        <YAxis {...FIGURE_AXIS} orientation={side.start} allowDecimals={false} />
        <Tooltip
          labelFormatter={(date) => formatDate(String(date))}
          formatter={(value) => [tooltipCount(value), valueLabel]}
        />
        <Bar dataKey="actions" name={valueLabel} fill={PALETTE[0]} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
