import { isIsoDate, isTimestampWithOffset } from '../../common/dates';
import { parseEnumText } from '../../common/enum-text';
import { isCountryCode, isSubdivisionCode } from '../../common/iso-codes';
import { GROUP_TYPE_ALIASES, GROUP_TYPES } from '../groups/group.enums';
import type { ReportRow } from './report-row';
import { ACTION_TYPES } from './report.enums';

/** The columns of the CSV format of letter reports (design §4), in their usual order. */
export const REPORT_COLUMNS = [
  'report_id',
  'year',
  'case',
  'group_ref',
  'group_name',
  'group_type',
  'action_type',
  'count',
  'written_on',
  'reported_at',
  'country',
  'region',
  'subdivision',
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

/** A report as text, the way a CSV row or a form gives it; empty and missing mean "no value". */
export type RawReport = Partial<Record<ReportColumn, string | null>>;

export interface FieldError {
  column: ReportColumn;
  reason: string;
}

const MAX_COUNT = 1_000_000;
const quote = (v: string) => JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);

/**
 * A field's trimmed text, or null when empty; records an error when it is required and missing,
 * too long, or (for free text) holds control characters. The other fields are checked by patterns.
 */
function fieldText(raw: RawReport, errors: FieldError[], column: ReportColumn, max: number, required: boolean, freeText = false) {
  const value = raw[column]?.trim() ?? '';
  if (!value) {
    if (required) errors.push({ column, reason: 'is required' });
    return null;
  }
  if (value.length > max) errors.push({ column, reason: `is longer than ${max} characters` });
  else if (freeText && CONTROL.test(value)) errors.push({ column, reason: 'contains control characters' });
  return value;
}

// Line breaks and tabs are fine inside a quoted field; other control characters are not.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Checks everything about one report that needs no database: types, ranges, enums, ISO codes,
 * dates and lengths. Campaign, case and duplicate checks are set-based, in ingest.ts.
 */
export function parseReport(raw: RawReport): { row: ReportRow; errors?: undefined } | { row?: undefined; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = (column: ReportColumn, max: number, required: boolean, freeText = false) =>
    fieldText(raw, errors, column, max, required, freeText);

  const reportId = text('report_id', 100, true, true);

  const yearText = text('year', 4, true);
  const year = Number(yearText);
  if (yearText && !(/^\d{4}$/.test(yearText) && year >= 2000 && year <= 2100)) {
    errors.push({ column: 'year', reason: `must be a year such as 2025, got ${quote(yearText)}` });
  }

  const caseSlug = text('case', 80, true, true)?.toLowerCase() ?? null;

  const groupRef = text('group_ref', 100, false, true);
  const groupName = text('group_name', 200, false, true);
  const groupTypeText = text('group_type', 40, false);
  const groupType = groupTypeText ? parseEnumText(GROUP_TYPES, groupTypeText, GROUP_TYPE_ALIASES) : null;
  if (groupTypeText && !groupType) {
    errors.push({ column: 'group_type', reason: `must be one of ${GROUP_TYPES.join(', ')}, got ${quote(groupTypeText)}` });
  }
  if (groupRef && !groupName) errors.push({ column: 'group_name', reason: 'is required when group_ref is given' });
  if (groupRef && !groupTypeText) errors.push({ column: 'group_type', reason: 'is required when group_ref is given' });
  if (!groupRef && groupName) errors.push({ column: 'group_ref', reason: 'is required when group_name is given' });

  const actionText = text('action_type', 40, true);
  const actionType = actionText ? parseEnumText(ACTION_TYPES, actionText) : undefined;
  if (actionText && !actionType) {
    errors.push({ column: 'action_type', reason: `must be one of ${ACTION_TYPES.join(', ')}, got ${quote(actionText)}` });
  }

  const countText = text('count', 20, true);
  const count = Number(countText);
  if (countText && !(/^\d+$/.test(countText) && count >= 1 && count <= MAX_COUNT)) {
    errors.push({ column: 'count', reason: `must be a whole number from 1 to 1,000,000, got ${quote(countText)}` });
  }

  const writtenOn = text('written_on', 10, false);
  if (writtenOn && !isIsoDate(writtenOn)) {
    errors.push({ column: 'written_on', reason: `must be a date written YYYY-MM-DD, got ${quote(writtenOn)}` });
  }

  const reportedAt = text('reported_at', 40, true);
  if (reportedAt && !isTimestampWithOffset(reportedAt)) {
    errors.push({
      column: 'reported_at',
      reason: `must be an ISO 8601 timestamp with an offset such as 2025-12-10T14:30:00+01:00, got ${quote(reportedAt)}`,
    });
  }

  const country = text('country', 100, true)?.toUpperCase() ?? null;
  const validCountry = country !== null && isCountryCode(country);
  if (country && !validCountry) {
    errors.push({ column: 'country', reason: `must be an ISO 3166-1 alpha-2 code such as "DE", got ${quote(raw.country!.trim())}` });
  }

  const region = text('region', 100, true, true);

  const subdivision = text('subdivision', 6, false)?.toUpperCase() ?? null;
  if (subdivision && validCountry && !isSubdivisionCode(subdivision, country)) {
    errors.push({
      column: 'subdivision',
      reason: `must be an ISO 3166-2 code of ${country} such as "${country}-XX", got ${quote(subdivision)}`,
    });
  }

  if (errors.length) return { errors };
  return {
    row: {
      reportId: reportId!,
      year,
      caseSlug: caseSlug!,
      groupRef,
      groupName,
      // "A report without a group counts as INDIVIDUAL" (design §4): a type given without a ref
      // names no group, so it is not kept (stored as INDIVIDUAL, like an empty one)
      groupType: groupRef ? groupType! : null,
      actionType: actionType!,
      count,
      writtenOn,
      reportedAt: reportedAt!,
      country: country!,
      region: region!,
      subdivision,
    },
  };
}
