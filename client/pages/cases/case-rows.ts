import type { OutcomeKind } from '../../gql/graphql';

// The case list of one campaign: the cases with their (filtered) figures and the outcome the badge
// shows, then searched and sorted as the reader asks. Pure, so it is tested without a browser.

export interface CaseOutcomeInput {
  date: string;
  kind: OutcomeKind;
  positive: boolean;
}

export interface CaseInput {
  id: string;
  name: string;
  country: string;
  outcomes: readonly CaseOutcomeInput[];
}

export interface CaseTotalInput {
  caseId: string;
  actions: number;
  reports: number;
}

export interface CaseRow {
  id: string;
  name: string;
  country: string;
  actions: number;
  reports: number;
  /** What the badge says: null when nothing has happened since the campaign began. */
  badge: CaseOutcomeInput | null;
}

/**
 * The outcome that sums a case up: its latest good news since writing started (a release outranks
 * nothing later), else its latest other development since then (a setback). Outcomes dated before
 * writingStarts are context, not results of the letters, so they never make the badge.
 */
export function caseBadge(outcomes: readonly CaseOutcomeInput[], writingStarts: string): CaseOutcomeInput | null {
  const results = outcomes.filter((o) => o.date >= writingStarts).sort((a, b) => a.date.localeCompare(b.date));
  return results.filter((o) => o.positive).at(-1) ?? results.at(-1) ?? null;
}

/** Every case of the campaign, with its figures under the filters (0 when no report matches). */
export function buildCaseRows(cases: readonly CaseInput[], totals: readonly CaseTotalInput[], writingStarts: string): CaseRow[] {
  const byId = new Map(totals.map((t) => [t.caseId, t]));
  return cases.map((c) => ({
    id: c.id,
    name: c.name,
    country: c.country,
    actions: byId.get(c.id)?.actions ?? 0,
    reports: byId.get(c.id)?.reports ?? 0,
    badge: caseBadge(c.outcomes, writingStarts),
  }));
}

export const CASE_SORTS = ['actions', 'reports', 'name', 'country', 'outcome'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** A `?sort=` value, or null when it names no sort (the page then drops it). */
export function parseCaseSort(value: string | null): CaseSort | null {
  return (CASE_SORTS as readonly string[]).includes(value ?? '') ? (value as CaseSort) : null;
}

/** Lower case without accents, so "cordoba" finds "Córdoba". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();

/** Labels the page shows, which search and sorting must follow (country names are per language). */
export interface RowLabels {
  country: (code: string) => string;
  outcome: (row: CaseRow) => string;
  compare: (a: string, b: string) => number;
}

/** Rows whose name or country name contains every word of the query. */
export function searchCases(rows: readonly CaseRow[], query: string, labels: RowLabels): CaseRow[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = fold(`${row.name} ${labels.country(row.country)}`);
    return words.every((word) => text.includes(word));
  });
}

/**
 * Figures largest first; words alphabetically; outcomes with good news first, then other news, then
 * none. Ties fall back to actions then name, so the order is stable.
 */
export function sortCases(rows: readonly CaseRow[], sort: CaseSort, labels: RowLabels): CaseRow[] {
  const rank = (row: CaseRow) => (row.badge === null ? 2 : row.badge.positive ? 0 : 1);
  const primary: Record<CaseSort, (a: CaseRow, b: CaseRow) => number> = {
    actions: (a, b) => b.actions - a.actions,
    reports: (a, b) => b.reports - a.reports,
    name: (a, b) => labels.compare(a.name, b.name),
    country: (a, b) => labels.compare(labels.country(a.country), labels.country(b.country)),
    outcome: (a, b) => rank(a) - rank(b) || labels.compare(labels.outcome(a), labels.outcome(b)),
  };
  return [...rows].sort(
    (a, b) => primary[sort](a, b) || b.actions - a.actions || labels.compare(a.name, b.name) || a.id.localeCompare(b.id),
  );
}
