import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, valueFromASTUntyped, type DocumentNode, type FieldNode, type OperationDefinitionNode, type SelectionNode, type SelectionSetNode } from 'graphql';
import { ANY_REPORT, filterArea, yearOf, type Area, type Reads } from '../data-version';

/*
 * What an operation's answer can depend on, read from the document before it runs: the years and
 * areas of the reports its fields read, so that a write elsewhere leaves it cached. Only the
 * fields below are known; any other field (a list of users, a group's page, the data version
 * itself) makes the answer depend on every write, as all answers used to. Catalog fields (a
 * campaign's dates, a case's name) need no area: only writes without parts change them, and those
 * change everything.
 */

interface Walk {
  fragments: Map<string, SelectionSetNode>;
  variables: Record<string, unknown>;
  scope: string[] | null;
  areas: Area[];
}

interface FieldRule {
  /** The arguments the rule reads (a field that gains another must be looked at again: a test checks). */
  args?: string[];
  /** The type of the field's selection, when it has one. */
  type?: string;
  /** The reports the field reads, from its arguments, the campaign year around it (null: unknown) and the arguments of the field it is in. */
  reads?: (args: Record<string, unknown>, year: number | null, scope: string[] | null, parent: Record<string, unknown>) => Area;
  /** The campaign year its selection is about. */
  year?: (args: Record<string, unknown>, year: number | null) => number | null;
}

const plain: FieldRule = {};
const plainFields = (...names: string[]) => Object.fromEntries(names.map((n) => [n, plain]));
const ofType = (type: string): FieldRule => ({ type });
const anyReport: FieldRule = { reads: () => ANY_REPORT };
const progressFigures: FieldRule = { reads: (_, year, scope, progress) => ({ ...filterArea(progress.filter, scope), years: year === null ? null : { upTo: year } }) };

/** The fields whose reads are known, by type (exported for the test that keeps them in step with the schema). */
export const RULES: Record<string, Record<string, FieldRule>> = {
  Query: {
    impact: { args: ['filter'], type: 'Impact', reads: (args, _, scope) => filterArea(args.filter, scope), year: (args) => yearOf(args.filter) },
    yearComparison: { args: ['align', 'filter', 'years'], type: 'YearSeries', reads: (args, _, scope) => ({ ...filterArea(args.filter, scope), years: intList(args.years) }) },
    sameDayComparison: {
      args: ['align', 'baseYear', 'day', 'filter', 'years'],
      type: 'SameDayComparison',
      reads: (args, _, scope) => ({ ...filterArea(args.filter, scope), years: intList([args.baseYear, ...(Array.isArray(args.years) ? args.years : [args.years])]) }),
    },
    campaign: { args: ['year'], type: 'Campaign', year: (args) => int(args.year) },
    campaigns: ofType('Campaign'),
    // who is asking: only a change of users (a write without parts) changes it
    me: ofType('User'),
  },
  User: plainFields('id', 'email', 'role', 'regions', 'disabled'),
  Impact: {
    ...plainFields('totalActions', 'reportCount', 'groupCount', 'countryCount', 'asOf'),
    ...Object.fromEntries(['byCountry', 'byCaseCountry', 'byRegion', 'bySubdivision', 'byActionType', 'byGroupType'].map((n) => [n, ofType('Total')])),
    byCase: ofType('CaseTotal'),
    daily: ofType('DailyTotal'),
    topGroups: { args: ['first', 'after'], type: 'GroupTotalConnection' },
  },
  Total: plainFields('actions', 'reports', 'key', 'label'),
  DailyTotal: plainFields('date', 'actions', 'cumulative'),
  CaseTotal: { ...plainFields('actions', 'reports'), case: ofType('Case') },
  Case: {
    ...plainFields('id', 'year', 'slug', 'name', 'country', 'theme', 'summary', 'target'),
    outcomes: ofType('CaseOutcome'),
    firstPositiveOutcome: ofType('CaseOutcome'),
    // the case's totals over its whole campaign
    ...Object.fromEntries(['actions', 'reports'].map((n) => [n, { reads: (_: unknown, year: number | null, scope: string[] | null) => ({ years: year === null ? null : [year], regions: scope, countries: null }) }])),
  },
  CaseOutcome: plainFields('id', 'date', 'kind', 'note', 'positive'),
  GroupTotalConnection: { totalCount: plain, edges: ofType('GroupTotalEdge'), pageInfo: ofType('PageInfo') },
  GroupTotalEdge: { cursor: plain, node: ofType('GroupTotal') },
  GroupTotal: { ...plainFields('actions', 'reports'), group: ofType('Group') },
  // a report anywhere can rename a group or move where it last reported
  Group: { id: plain, ...Object.fromEntries(['ref', 'name', 'type', 'country', 'region', 'subdivision'].map((n) => [n, anyReport])), years: { ...anyReport, type: 'GroupYear' } },
  GroupYear: plainFields('year', 'actions', 'reports', 'firstReportedAt', 'lastReportedAt'),
  PageInfo: plainFields('hasNextPage', 'endCursor'),
  YearSeries: { ...plainFields('year', 'total'), points: ofType('SeriesPoint') },
  SeriesPoint: plainFields('day', 'date', 'actions', 'cumulative'),
  Campaign: {
    ...plainFields('year', 'name', 'writingStarts', 'writingEnds', 'reportingDeadline', 'goal', 'timezone'),
    cases: ofType('Case'),
    // what it reads is said by the fields asked of it
    progress: { args: ['filter'], type: 'CampaignProgress' },
  },
  CampaignProgress: {
    // the day it stands at: today while the campaign runs, whatever is written (after the reporting
    // deadline, the last report's day: the resolver adds that read then, campaign.resolver.ts)
    ...plainFields('asOf', 'campaignDay', 'final', 'goal'),
    // against its goal, last year and the campaigns before it, under the progress's filter
    ...Object.fromEntries(
      ['totalActions', 'goalShare', 'lastYear', 'lastYearSameDay', 'changeVsLastYear', 'lastYearFinal', 'expectedShareByNow', 'onPaceForGoal'].map((n) => [n, progressFigures]),
    ),
    forecast: { ...progressFigures, type: 'ForecastRange' },
    // the campaign of the year before, by this progress's day, under its own filter
    sameDayLastYear: { args: ['filter'], type: 'SameDayLastYear', reads: (args, year, scope) => ({ ...filterArea(args.filter, scope), years: year === null ? null : [year - 1] }), year: () => null },
  },
  ForecastRange: plainFields('expected', 'low', 'high', 'basedOnYears'),
  SameDayLastYear: {
    ...plainFields('year', 'campaignDay', 'date'),
    figures: ofType('Impact'),
    // this campaign's figures under sameDayLastYear's filter (its year is not known here: every year)
    change: { type: 'SameDayChange', reads: (_, __, scope, lastYear) => ({ ...filterArea(lastYear.filter, scope), years: null }) },
  },
  SameDayChange: plainFields('totalActions', 'reportCount', 'groupCount', 'countryCount'),
  SameDayComparison: { ...plainFields('baseYear', 'day'), years: ofType('SameDayYear') },
  SameDayYear: plainFields('year', 'date', 'actions', 'baseVsThis'),
};

/** What the answer to `operation` can depend on, for a user limited to `scope` (null: everywhere). */
export function operationReads(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, scope: string[] | null): Reads {
  if (operation.operation !== 'query') return 'all';
  const given = { ...variables };
  for (const d of operation.variableDefinitions ?? []) {
    if (given[d.variable.name.value] === undefined && d.defaultValue) given[d.variable.name.value] = valueFromASTUntyped(d.defaultValue);
  }
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])));
  const walk: Walk = { fragments, variables: given, scope, areas: [] };
  if (!known(walk, operation.selectionSet, 'Query', null)) return 'all';
  return [...new Map(walk.areas.map((a) => [JSON.stringify(a), a])).values()];
}

/** Collects the areas a selection reads; false when it selects a field not known here. `parent`: the arguments of the field it selects from. */
function known(walk: Walk, set: SelectionSetNode, type: string, year: number | null, parent: Record<string, unknown> = {}): boolean {
  for (const s of set.selections) {
    if (!included(s, walk.variables)) continue;
    if (s.kind !== Kind.FIELD) {
      const inner = s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : walk.fragments.get(s.name.value);
      if (!inner || !known(walk, inner, type, year, parent)) return false;
      continue;
    }
    if (s.name.value === '__typename') continue;
    const rule = RULES[type]?.[s.name.value];
    if (!rule) return false;
    const args = argumentsOf(s, walk.variables);
    if (rule.reads) walk.areas.push(rule.reads(args, year, walk.scope, parent));
    const inner = rule.year ? rule.year(args, year) : year;
    if (s.selectionSet && (!rule.type || !known(walk, s.selectionSet, rule.type, inner, args))) return false;
  }
  return true;
}

/** False for a selection that @skip or @include leaves out (it reads nothing). */
function included(selection: SelectionNode, variables: Record<string, unknown>): boolean {
  const condition = (name: string) => {
    const directive = selection.directives?.find((d) => d.name.value === name);
    const value = directive?.arguments?.find((a) => a.name.value === 'if')?.value;
    return value ? valueFromASTUntyped(value, variables) : undefined;
  };
  return condition('skip') !== true && condition('include') !== false;
}

function argumentsOf(field: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries((field.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, variables)]));
}

function int(value: unknown): number | null {
  return Number.isSafeInteger(value) ? (value as number) : null;
}

function intList(value: unknown): number[] | null {
  const list = Array.isArray(value) ? value : [value];
  return list.every((v) => Number.isSafeInteger(v)) ? (list as number[]) : null;
}

/** Sets each query's reads on its context before it runs (the caches key by them: server/graphql/context.ts). */
export const answerReadsPlugin: ApolloServerPlugin<{ scope: string[] | null; reading(reads: Reads): void }> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation, request, contextValue }) {
        contextValue.reading(operation ? operationReads(document, operation, request.variables ?? {}, contextValue.scope) : 'all');
      },
    };
  },
};
