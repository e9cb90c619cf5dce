import type { ActionType, ImpactFilter } from '../../gql/graphql';
import { ACTION_TYPES } from '../../filters/filter-params';
import { addDays } from '../../dates';

// A case's daily actions split by action type, for a stacked chart: one `impact` per type (aliases
// in one request), merged here into one row per day.

export interface DayActions {
  date: string;
  actions: number;
}

export interface DailyTypeRow {
  date: string;
  /** Actions of each drawn type on the day (0 when none). */
  byType: Record<ActionType, number>;
  total: number;
}

export interface DailyByType {
  /** Types with any action, in the dashboard's order of action types. */
  types: ActionType[];
  /** Every day from the first to the last with an action, gaps filled with 0. */
  rows: DailyTypeRow[];
  /** Per type over all days: what the stacked bars add up to. */
  totals: Record<ActionType, number>;
}

/**
 * The filter of each type's series: the page's filter narrowed to that one type. A type the
 * filter leaves out gets an empty list, which the server answers with nothing.
 */
export function perTypeFilters(filter: ImpactFilter): Record<ActionType, ImpactFilter> {
  const allowed: readonly ActionType[] = filter.actionTypes ?? ACTION_TYPES;
  return Object.fromEntries(
    ACTION_TYPES.map((type) => [type, { ...filter, actionTypes: allowed.includes(type) ? [type] : [] }]),
  ) as Record<ActionType, ImpactFilter>;
}


const zeros = (): Record<ActionType, number> =>
  Object.fromEntries(ACTION_TYPES.map((type) => [type, 0])) as Record<ActionType, number>;

/** Merges the per-type daily series (each runs over its own days) into one row per calendar day. */
export function mergeDailyByType(series: Partial<Record<ActionType, readonly DayActions[]>>): DailyByType {
  const totals = zeros();
  const byDate = new Map<string, Record<ActionType, number>>();
  for (const type of ACTION_TYPES) {
    for (const day of series[type] ?? []) {
      if (day.actions === 0) continue;
      const counts = byDate.get(day.date) ?? zeros();
      counts[type] += day.actions;
      byDate.set(day.date, counts);
      totals[type] += day.actions;
    }
  }
  const types = ACTION_TYPES.filter((type) => totals[type] > 0);
  const dates = [...byDate.keys()].sort();
  const rows: DailyTypeRow[] = [];
  if (dates.length > 0) {
    const last = dates.at(-1)!;
    for (let date = dates[0]; date <= last; date = addDays(date, 1)) {
      const byType = byDate.get(date) ?? zeros();
      rows.push({ date, byType, total: types.reduce((sum, type) => sum + byType[type], 0) });
    }
  }
  return { types, rows, totals };
}
