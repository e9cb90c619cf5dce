// "Actions against outcomes": every featured case of every year, how many actions it drew, and
// whether and how soon good news followed. It shows an association, never a cause.

import { daysBetween } from '../../dates';

export interface CaseActionsInput {
  id: string;
  year: number;
  name: string;
  actions: number;
  /** Date of the first positive outcome on or after writingStarts (the server's `firstPositiveOutcome`). */
  firstPositive: string | null;
}

export const OUTCOME_GROUPS = ['within12', 'later', 'none', 'tooRecent'] as const;
/**
 * within12: good news within 12 months of writing starting; later: after that; none: no good news
 * although 12 months have passed; tooRecent: none yet, but the campaign began less than 12 months
 * ago (left out of the comparison: it has not had the time the others had).
 */
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];

export interface CaseOutcomePoint extends CaseActionsInput {
  /** Months (days / 30.4375, as the server counts) from writingStarts to the first good news. */
  monthsToOutcome: number | null;
  group: OutcomeGroup;
}

export interface GroupFigures {
  group: OutcomeGroup;
  cases: number;
  /** Null for a group with no case. */
  medianActions: number | null;
}

const DAYS_PER_MONTH = 30.4375;
const WINDOW_MONTHS = 12;

const monthsBetween = (from: string, to: string) => daysBetween(from, to) / DAYS_PER_MONTH;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Each case placed in its group; `writingStarts` by year; `today` is YYYY-MM-DD. */
export function placeCases(
  cases: readonly CaseActionsInput[],
  writingStarts: ReadonlyMap<number, string>,
  today: string,
): CaseOutcomePoint[] {
  return cases.flatMap((c) => {
    const starts = writingStarts.get(c.year);
    if (!starts) return []; // a case of a campaign the reader cannot see
    const monthsToOutcome = c.firstPositive === null ? null : monthsBetween(starts, c.firstPositive);
    const group: OutcomeGroup =
      monthsToOutcome !== null
        ? monthsToOutcome <= WINDOW_MONTHS
          ? 'within12'
          : 'later'
        : monthsBetween(starts, today) < WINDOW_MONTHS
          ? 'tooRecent'
          : 'none';
    return [{ ...c, monthsToOutcome, group }];
  });
}

/** Case count and median actions of each group, in OUTCOME_GROUPS order. */
export function groupFigures(points: readonly CaseOutcomePoint[]): GroupFigures[] {
  return OUTCOME_GROUPS.map((group) => {
    const actions = points.filter((p) => p.group === group).map((p) => p.actions);
    return { group, cases: actions.length, medianActions: median(actions) };
  });
}
