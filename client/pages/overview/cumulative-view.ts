// Pure shaping of the overview's cumulative chart: the rows, the value axis, and the numbered
// outcome marks on the curve. Unit-tested; CumulativeCard only draws what this returns.

import {
  buildCumulativeRows,
  maxRowValue,
  valueAxisTicks,
  type CumulativeRow,
  type CumulativeSeries,
} from '../../charts/cumulative-series';
import { outcomeMarkers, type CaseWithOutcomes, type OutcomeMarker } from '../../charts/outcome-markers';

export interface CumulativeView {
  rows: CumulativeRow[];
  /** The campaign's year first, then the past years that have data, newest first. */
  years: number[];
  valueTicks: number[];
  /** The last day the campaign has a figure for (its "today", or its last report); null without data. */
  lastDay: number | null;
  /** Whether the goal line is drawn: only when it is within reach of the curves. */
  showGoal: boolean;
  /** Every positive outcome since writing started, numbered 1.. in this order. */
  outcomes: OutcomeMarker[];
  /** One dot per day with outcomes on the curve, labelled with their numbers ("1, 2"). */
  marks: { day: number; value: number; label: string }[];
}

/**
 * The chart of `year` against the past years in `series`. A goal far above the curves (more than
 * twice the highest value) is left off the chart: it would flatten every line to the bottom, and the
 * goal card already says how far away it is.
 */
export function cumulativeView(
  series: readonly CumulativeSeries[],
  year: number,
  { running, goal, cases, writingStarts }: { running: boolean; goal: number | null; cases: readonly CaseWithOutcomes[]; writingStarts: string },
): CumulativeView {
  const current = series.find((s) => s.year === year) ?? { year, points: [] };
  const past = series.filter((s) => s.year !== year && s.points.length > 0).sort((a, b) => b.year - a.year);
  const years = [year, ...past.map((s) => s.year)];
  const rows = buildCumulativeRows([current, ...past], { runningYear: running ? year : null });
  const max = maxRowValue(rows, years);
  const showGoal = goal !== null && goal > 0 && goal <= 2 * max;
  const lastDay = current.points.length === 0 ? null : Math.max(...current.points.map((p) => p.day));
  const drawnUntil = running ? lastDay : lastDay === null ? null : (rows.at(-1)?.day ?? null);
  const outcomes = outcomeMarkers(cases, writingStarts, current.points, drawnUntil);

  const byDay = new Map<number, { day: number; value: number; numbers: number[] }>();
  outcomes.forEach((outcome, index) => {
    if (outcome.value === null) return;
    const mark = byDay.get(outcome.day) ?? { day: outcome.day, value: outcome.value, numbers: [] };
    mark.numbers.push(index + 1);
    byDay.set(outcome.day, mark);
  });
  return {
    rows,
    years,
    lastDay,
    valueTicks: valueAxisTicks(Math.max(max, showGoal ? goal : 0)),
    showGoal,
    outcomes,
    marks: [...byDay.values()].map(({ day, value, numbers }) => ({ day, value, label: numbers.join(', ') })),
  };
}
