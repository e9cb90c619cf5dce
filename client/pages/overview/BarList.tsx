import type { ReactNode } from 'react';
import { formatCount } from '../../format';

export interface Bar {
  key: string;
  label: string;
  actions: number;
  /** Shown after the label (outcome badges). */
  extra?: ReactNode;
}

interface BarListProps {
  bars: readonly Bar[];
  ariaLabel: string;
}

/**
 * Horizontal bars drawn in HTML rather than SVG: long names (cases, regions) wrap on a phone and
 * badges sit beside them. One image for assistive technology; the card's table holds the figures.
 */
/** Room kept after the longest bar for its figure: "12,345,678" at the figure's size, and the gap. */
const FIGURE_ROOM = '7em';

export function BarList({ bars, ariaLabel }: BarListProps) {
  const max = Math.max(1, ...bars.map((bar) => bar.actions));
  return (
    <div className="overview-bars" role="img" aria-label={ariaLabel}>
      {bars.map((bar) => (
        <div className="overview-bars__row" key={bar.key}>
          <div className="overview-bars__label">
            <span>{bar.label}</span>
            {bar.extra}
          </div>
          <div className="overview-bars__track">
            {/* a share of the track less the room its figure needs: the longest bar and its figure
                fit, so no bar is squeezed (else every bar over about 85% drew at one length) */}
            <div className="overview-bars__fill" style={{ width: `calc((100% - ${FIGURE_ROOM}) * ${bar.actions / max})` }} />
            <span className="overview-bars__value">{formatCount(bar.actions)}</span>
          </div>
        </div>
      ))}
    </div>
  );
}
