import { defineEnum } from '../../common/define-enum';

export const CASE_THEMES = [
  'PRISONER_OF_CONSCIENCE',
  'HUMAN_RIGHTS_DEFENDER',
  'TORTURE_SURVIVOR',
  'COMMUNITY',
  'OTHER',
] as const;
export type CaseTheme = (typeof CASE_THEMES)[number];
export const CaseTheme = defineEnum('CaseTheme', CASE_THEMES, 'What kind of case a person or community is');

export const OUTCOME_KINDS = [
  'RELEASED',
  'CHARGES_DROPPED',
  'ACQUITTED',
  'SENTENCE_REDUCED',
  'CONDITIONS_IMPROVED',
  'JUSTICE_PROGRESS',
  'POLICY_CHANGE',
  'SETBACK',
  'OTHER',
] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];
export const OutcomeKind = defineEnum('OutcomeKind', OUTCOME_KINDS, 'A dated development in a case');

/** Wordings seen in Amnesty's own outcome reports, mapped onto the kinds above. */
export const OUTCOME_ALIASES: Record<string, OutcomeKind> = {
  FREED: 'RELEASED',
  PARDONED: 'RELEASED',
  CONDITIONALLY_RELEASED: 'RELEASED',
  RELEASED_ON_BAIL: 'RELEASED',
  SENTENCE_COMMUTED: 'SENTENCE_REDUCED',
  SENTENCE_REDUCED_COMMUTED: 'SENTENCE_REDUCED',
  DEATH_SENTENCE_QUASHED: 'SENTENCE_REDUCED',
  CONVICTION_OVERTURNED: 'JUSTICE_PROGRESS',
  INVESTIGATION_OPENED: 'JUSTICE_PROGRESS',
  PERPETRATORS_ARRESTED: 'JUSTICE_PROGRESS',
  LAW_CHANGE: 'POLICY_CHANGE',
  POLICY_LAW_CHANGE: 'POLICY_CHANGE',
  RE_ARREST: 'SETBACK',
  NEW_CHARGES: 'SETBACK',
};

/** Whether an outcome counts as a success for the person (used in outcome rates). */
export function isPositiveOutcome(kind: OutcomeKind): boolean {
  return kind !== 'SETBACK' && kind !== 'OTHER';
}
