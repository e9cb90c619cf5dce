import { Bar, BarChart, CartesianGrid, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import { chartSides, FIGURE_AXIS, LINE_AXIS, tooltipCount } from '../../charts/axis-style';
import { useRightToLeft } from '../../i18n/use-messages';
import { CHART_INK, seriesColour } from '../../charts/palette';
import { ACTION_TYPES } from '../../filters/filter-params';
import { formatShortDate } from '../../format';
import type { ActionType } from '../../gql/graphql';
import type { DailyTypeRow } from './daily-by-type';

/** Light enough that every bar colour stands out on it. */
const PERIOD_SHADE = '#f1f1ee';

interface ActionsByTypeChartProps {
  rows: readonly DailyTypeRow[];
  types: readonly ActionType[];
  typeLabel: (type: ActionType) => string;
  /** The campaign's writing period, shaded where it overlaps the days shown. */
  period: { from: string; to: string; label: string };
  ariaLabel: string;
}

/** Daily actions stacked by type; it draws what mergeDailyByType made. */
export function ActionsByTypeChart({ rows, types, typeLabel, period, ariaLabel }: ActionsByTypeChartProps) {
  const side = chartSides(useRightToLeft());
  const first = rows[0]?.date ?? '';
  const last = rows.at(-1)?.date ?? '';
  const colour = (type: ActionType) => seriesColour(ACTION_TYPES.indexOf(type));
  // The shading needs days the axis has: the period clipped to the days shown.
  const shadeFrom = period.from > first ? period.from : first;
  const shadeTo = period.to < last ? period.to : last;
  return (
    <>
      {/* An HTML legend wraps on a phone, where recharts' own would run over the bars. */}
      <ul className="type-legend">
        {types.map((type) => (
          <li key={type}>
            <span className="type-legend__swatch" style={{ background: colour(type) }} aria-hidden="true" />
            {typeLabel(type)}
          </li>
        ))}
        {shadeFrom <= shadeTo ? (
          <li>
            <span className="type-legend__swatch type-legend__swatch--period" style={{ background: PERIOD_SHADE }} aria-hidden="true" />
            {period.label}
          </li>
        ) : null}
      </ul>
      <div className="chart" role="img" aria-label={ariaLabel}>
        <BarChart
          data={rows as DailyTypeRow[]}
          responsive
          style={{ width: '100%', height: '100%' }}
          margin={side.margin({ top: 8, right: 16, bottom: 8, left: 0 })}
          barCategoryGap={1}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={CHART_INK.grid} vertical={false} />
          <XAxis {...LINE_AXIS} reversed={side.reversed} dataKey="date" tickFormatter={formatShortDate} minTickGap={24} />
          <YAxis {...FIGURE_AXIS} orientation={side.start} allowDecimals={false} />
          {shadeFrom <= shadeTo ? <ReferenceArea x1={shadeFrom} x2={shadeTo} fill={PERIOD_SHADE} fillOpacity={1} /> : null}
          <Tooltip
            labelFormatter={(date) => formatShortDate(String(date))}
            formatter={tooltipCount}
          />
          {types.map((type) => (
            <Bar
              key={type}
              dataKey={(row: DailyTypeRow) => row.byType[type]}
              name={typeLabel(type)}
              stackId="actions"
              // The colour follows the type, so a type keeps its colour from case to case.
              fill={colour(type)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </div>
    </>
  );
}
