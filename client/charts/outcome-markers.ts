// Case outcomes on the cumulative curve: where each positive outcome of a campaign's cases falls,
// by campaign day, and the curve's value there. Pure, for the chart, its list and unit tests.

import type { CumulativePoint } from './cumulative-series';
import { valueAtDay } from './cumulative-series';
import { daysBetween } from '../dates';

export interface OutcomeLike {
  date: string;
  kind: string;
  positive: boolean;
}

export interface CaseWithOutcomes {
  name: string;
  outcomes: readonly OutcomeLike[];
}

export interface OutcomeMarker {
  caseName: string;
  kind: string;
  /** YYYY-MM-DD */
  date: string;
  /** Days since writing started. */
  day: number;
  /** The curve's cumulative total on that day; null when the day is outside the curve drawn. */
  value: number | null;
}

/**
 * The positive outcomes of a campaign's cases from the day writing started (earlier ones are the
 * context of the case, not a result), oldest first. Each sits on the curve when its day is within
 * `[first point's day or 0, drawnUntil]`, the stretch of the line drawn.
 */
export function outcomeMarkers(
  cases: readonly CaseWithOutcomes[],
  writingStarts: string,
  points: readonly CumulativePoint[],
  drawnUntil: number | null,
): OutcomeMarker[] {
  const firstDay = Math.min(0, ...points.map((p) => p.day));
  return cases
    .flatMap((c) =>
      c.outcomes
        .filter((outcome) => outcome.positive && outcome.date >= writingStarts)
        .map((outcome) => {
          const day = daysBetween(writingStarts, outcome.date);
          const onCurve = points.length > 0 && drawnUntil !== null && day >= firstDay && day <= drawnUntil;
          return {
            caseName: c.name,
            kind: outcome.kind,
            date: outcome.date,
            day,
            value: onCurve ? valueAtDay(points, day) : null,
          };
        }),
    )
    .sort((a, b) => a.date.localeCompare(b.date) || a.caseName.localeCompare(b.caseName));
}
