// The correction form of a report: its values prefilled from the report, turned back into the
// ReportInput the server checks, and the server's objections placed next to their fields. Pure.
import type { ActionType, GroupType, ReportInput } from '../../gql/graphql';

export const ACTION_TYPES: readonly ActionType[] = ['LETTER', 'SOLIDARITY', 'EMAIL', 'PETITION', 'SMS', 'SOCIAL', 'FAX', 'OTHER'];
export const GROUP_TYPES: readonly GroupType[] = [
  'LOCAL_GROUP', 'STUDENT_GROUP', 'SCHOOL', 'FAITH_GROUP', 'COMMUNITY_ORGANISATION', 'EVENT', 'INDIVIDUAL', 'ONLINE',
];

/** The report's fields the form needs (a ReportsRow fragment has them all). */
export interface CorrectableReport {
  reportId: string;
  year: number;
  count: number;
  actionType: ActionType;
  writtenOn: string | null;
  reportedAt: string;
  country: string;
  region: string;
  subdivision: string | null;
  case: { slug: string };
  group: { ref: string; name: string; type: GroupType } | null;
}

/** Every field as typed text, so the form can hold what a person is still typing. */
export interface CorrectionForm {
  reportId: string;
  year: string;
  caseSlug: string;
  actionType: ActionType;
  count: string;
  writtenOn: string;
  reportedAt: string;
  country: string;
  region: string;
  subdivision: string;
  groupRef: string;
  groupName: string;
  groupType: GroupType | '';
  reason: string;
}

export type CorrectionField = keyof CorrectionForm;

/**
 * The id the replacement gets: the server requires a new one. "K-1" → "K-1-c1", "K-1-c1" → "K-1-c2",
 * so a second correction of the same report reads as one.
 */
export function suggestReportId(reportId: string): string {
  const match = /^(.*)-c(\d{1,6})$/.exec(reportId);
  return match ? `${match[1]}-c${Number(match[2]) + 1}` : `${reportId}-c1`;
}

export function toCorrectionForm(report: CorrectableReport): CorrectionForm {
  return {
    reportId: suggestReportId(report.reportId),
    year: String(report.year),
    caseSlug: report.case.slug,
    actionType: report.actionType,
    count: String(report.count),
    writtenOn: report.writtenOn ?? '',
    reportedAt: report.reportedAt,
    country: report.country,
    region: report.region,
    subdivision: report.subdivision ?? '',
    groupRef: report.group?.ref ?? '',
    groupName: report.group?.name ?? '',
    groupType: report.group?.type ?? '',
    reason: '',
  };
}

export type FieldErrors = Partial<Record<CorrectionField, string>>;

/** Message keys of the checks made before sending (the server checks everything again). */
export type LocalProblem = 'required' | 'sameId' | 'wholeNumber' | 'countRange';

/**
 * The input to send, or what to fix first. Only what a person can get wrong while typing is checked
 * here; formats (dates, country codes, the case of the year) are the server's to judge.
 */
export function toCorrectionInput(
  form: CorrectionForm,
  original: string,
): { input: ReportInput; reason: string } | { problems: Partial<Record<CorrectionField, LocalProblem>> } {
  const problems: Partial<Record<CorrectionField, LocalProblem>> = {};
  const text = (field: CorrectionField) => form[field].trim();
  for (const field of ['reportId', 'year', 'caseSlug', 'count', 'reportedAt', 'country', 'region', 'reason'] as const) {
    if (!text(field)) problems[field] = 'required';
  }
  if (text('reportId') === original) problems.reportId = 'sameId';
  const count = Number(text('count'));
  if (text('count') && !Number.isInteger(count)) problems.count = 'wholeNumber';
  else if (text('count') && (count < 1 || count > 1_000_000)) problems.count = 'countRange';
  const year = Number(text('year'));
  if (text('year') && !Number.isInteger(year)) problems.year = 'wholeNumber';
  if (Object.keys(problems).length > 0) return { problems };
  const optional = (field: CorrectionField) => text(field) || null;
  return {
    reason: text('reason'),
    input: {
      reportId: text('reportId'),
      year,
      caseSlug: text('caseSlug'),
      actionType: form.actionType,
      count,
      writtenOn: optional('writtenOn'),
      reportedAt: text('reportedAt'),
      country: text('country').toUpperCase(),
      region: text('region'),
      subdivision: optional('subdivision')?.toUpperCase() ?? null,
      groupRef: optional('groupRef'),
      groupName: optional('groupName'),
      groupType: form.groupType || null,
    },
  };
}

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown> | null;
}

/**
 * The server's objections by form field: `extensions.fields` of a BAD_USER_INPUT error (named as
 * the input's fields), or the field a rejected variable names ('... at "input.reportedAt"').
 * What names no field of the form is returned as `other`.
 */
export function serverFieldErrors(errors: readonly GraphQLErrorLike[]): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const error of errors) {
    const named = error.extensions?.fields;
    const variable = /at "input\.(\w+)"/.exec(error.message)?.[1];
    if (named && typeof named === 'object') {
      const entries = Object.entries(named as Record<string, unknown>);
      for (const [field, reason] of entries) if (isFormField(field)) fields[field] = String(reason);
      if (entries.some(([field]) => !isFormField(field))) other.push(error.message);
    } else if (variable && isFormField(variable)) {
      fields[variable] = error.message.replace(/^Variable "\$input" got invalid value .*?; /, '');
    } else {
      other.push(error.message);
    }
  }
  return { fields, other };
}

const FORM_FIELDS: readonly CorrectionField[] = [
  'reportId', 'year', 'caseSlug', 'actionType', 'count', 'writtenOn', 'reportedAt', 'country', 'region',
  'subdivision', 'groupRef', 'groupName', 'groupType', 'reason',
];

function isFormField(name: string): name is CorrectionField {
  return (FORM_FIELDS as readonly string[]).includes(name);
}
