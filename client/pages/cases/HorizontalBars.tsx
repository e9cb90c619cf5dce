import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import { chartSides, LINE_AXIS, TICK } from '../../charts/axis-style';
import { useRightToLeft } from '../../i18n/use-messages';
import { CHART_INK } from '../../charts/palette';
import { ChartWhenVisible } from '../../charts/ChartWhenVisible';
import { formatYear } from '../../format';

interface HorizontalBarsProps<R> {
  rows: readonly R[];
  /** What names each bar, down the side. */
  category: keyof R & string;
  value: keyof R & string;
  /** Axis ticks and the figure written beside each bar. */
  format: (value: number) => string;
  colour: string;
  /** Room for the names: years need little, sentences more. */
  categoryWidth: number;
  /** A fixed value axis (shares: 0 to 1); fitted to the data when absent. */
  ticks?: number[];
  ariaLabel: string;
  /** A lower chart, for a few bars. */
  short?: boolean;
}

/**
 * Labelled horizontal bars: names down the side fit a phone, and the figure beside each bar makes
 * it readable without the axis or colour. A 0 gets a sliver, so its figure shows too.
 */
export function HorizontalBars<R>({ rows, category, value, format, colour, categoryWidth, ticks, ariaLabel, short = false }: HorizontalBarsProps<R>) {
  const name = (row: R) => row[category];
  const figure = (row: R) => row[value];
  const side = chartSides(useRightToLeft());
  // drawn when it comes near the viewport: the cross-year charts sit below the case list
  return (
    <ChartWhenVisible size={short ? 'chart--short' : undefined}>
      <div className={short ? 'chart chart--short' : 'chart'} role="img" aria-label={ariaLabel}>
        <BarChart
          data={rows as R[]}
          layout="vertical"
          responsive
          style={{ width: '100%', height: '100%' }}
          margin={side.margin({ top: 8, right: 56, bottom: 8, left: 0 })}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke={CHART_INK.grid} horizontal={false} />
          <XAxis
            {...LINE_AXIS}
            type="number"
            reversed={side.reversed}
            domain={ticks ? [ticks[0], ticks.at(-1)!] : [0, 'auto']}
            ticks={ticks}
            tickFormatter={format}
          />
          <YAxis
            type="category"
            orientation={side.start}
            dataKey={name}
            interval={0}
            width={categoryWidth}
            tick={TICK}
            tickLine={false}
            axisLine={false}
            // a year names a bar in the language's digits (٢٠٢٥)
            tickFormatter={(shown: unknown) => (typeof shown === 'number' ? formatYear(shown) : String(shown))}
          />
          <Bar dataKey={figure} fill={colour} minPointSize={2} isAnimationActive={false}>
            <LabelList
              dataKey={figure}
              position={side.end}
              formatter={(shown) => (typeof shown === 'number' ? format(shown) : '')}
              {...TICK}
            />
          </Bar>
        </BarChart>
      </div>
    </ChartWhenVisible>
  );
}
