import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { chartSides, FIGURE_AXIS, LINE_AXIS, tooltipCount } from '../../charts/axis-style';
import { useRightToLeft } from '../../i18n/use-messages';
import { CHART_INK, seriesColour } from '../../charts/palette';
import { formatYear } from '../../format';
import type { GroupYearFigures } from './group-years';

interface GroupYearsChartProps {
  rows: readonly GroupYearFigures[];
  /** The text alternative; the figures are in the table beside the chart. */
  ariaLabel: string;
  actionsLabel: string;
}

/** A group's actions per campaign year; it draws what everyYear made. */
export function GroupYearsChart({ rows, ariaLabel, actionsLabel }: GroupYearsChartProps) {
  const side = chartSides(useRightToLeft());
  return (
    <div className="chart groups-years-chart" role="img" aria-label={ariaLabel}>
      <BarChart
        data={rows as GroupYearFigures[]}
        responsive
        style={{ width: '100%', height: '100%' }}
        margin={side.margin({ top: 8, right: 16, bottom: 8, left: 0 })}
        accessibilityLayer={false}
      >
        <CartesianGrid stroke={CHART_INK.grid} vertical={false} />
        <XAxis {...LINE_AXIS} reversed={side.reversed} dataKey="year" tickFormatter={formatYear} />
        <YAxis {...FIGURE_AXIS} orientation={side.start} allowDecimals={false} />
        <Tooltip formatter={tooltipCount} />
        <Bar dataKey="actions" name={actionsLabel} fill={seriesColour(0)} isAnimationActive={false} maxBarSize={56} />
      </BarChart>
    </div>
  );
}
