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
            <div className="overview-bars__fill" style={{ width: `${(bar.actions / max) * 100}%` }} />
            <span className="overview-bars__value">{formatCount(bar.actions)}</span>
          </div>
        </div>
      ))}
    </div>
  );
}
