import type { PublishSnapshotInput } from './queries';
import { graphQLErrorsOf } from '../../session';

// Pure helpers of the snapshots page: the publish form's values, the preview's figures, the errors.

/** What the form holds: text as typed, so a half-typed threshold is not lost. */
export interface PublishFormValues {
  year: number | null;
  title: string;
  note: string;
  includeGroupNames: boolean;
  suppressBelow: string;
}

export const DEFAULT_SUPPRESS_BELOW = 10;
export const MAX_SUPPRESS_BELOW = 1000;
export const MAX_TITLE_LENGTH = 200;

/** Why a field is refused, as a key of messages.ts ("error.<reason>"). */
export type PublishFieldError = 'yearMissing' | 'titleMissing' | 'titleTooLong' | 'thresholdInvalid';
export type PublishFormErrors = Partial<Record<'year' | 'title' | 'suppressBelow', PublishFieldError>>;

/** The input to preview and publish, or the reasons there is none yet (the server checks again). */
export function toPublishInput(values: PublishFormValues): { input: PublishSnapshotInput } | { errors: PublishFormErrors } {
  const errors: PublishFormErrors = {};
  const title = values.title.trim();
  if (values.year === null) errors.year = 'yearMissing';
  if (!title) errors.title = 'titleMissing';
  else if (title.length > MAX_TITLE_LENGTH) errors.title = 'titleTooLong';
  const threshold = values.suppressBelow.trim();
  const suppressBelow = /^\d+$/.test(threshold) ? Number(threshold) : NaN;
  if (!(suppressBelow >= 0 && suppressBelow <= MAX_SUPPRESS_BELOW)) {
    errors.suppressBelow = 'thresholdInvalid';
  }
  if (Object.keys(errors).length > 0 || values.year === null) return { errors };
  return {
    input: {
      year: values.year,
      title,
      note: values.note.trim() || null,
      suppressBelow,
      includeGroupNames: values.includeGroupNames,
    },
  };
}

/** Whether two inputs would publish the same thing (a preview still stands for the form). */
export function sameInput(a: PublishSnapshotInput, b: PublishSnapshotInput): boolean {
  return (
    a.year === b.year &&
    a.title === b.title &&
    (a.note ?? null) === (b.note ?? null) &&
    a.suppressBelow === b.suppressBelow &&
    Boolean(a.includeGroupNames) === Boolean(b.includeGroupNames)
  );
}

/** The preview's key figures, read from the snapshot's content (a JSON object). */
export interface PreviewFigures {
  totals: { actions: number; reports: number; groups: number; countries: number };
  /** Most actions first. */
  cases: { slug: string; name: string; country: string; actions: number; reports: number }[];
  /** Named groups when the snapshot names them, most actions first; null when it names none. */
  namedGroups: { name: string; actions: number | null }[] | null;
  suppressBelow: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Null when the content lacks its totals: a server this page does not know how to read. */
export function readPreviewFigures(content: unknown): PreviewFigures | null {
  if (!isRecord(content) || !isRecord(content.totals)) return null;
  const { totals } = content;
  const cases = Array.isArray(content.cases) ? content.cases.filter(isRecord) : [];
  const groups = Array.isArray(content.topGroups) ? content.topGroups.filter(isRecord) : null;
  const protection = isRecord(content.protection) ? content.protection : {};
  return {
    totals: {
      actions: num(totals.actions),
      reports: num(totals.reports),
      groups: num(totals.groups),
      countries: num(totals.countries),
    },
    cases: cases
      .map((c) => ({
        slug: str(c.slug),
        name: str(c.name),
        country: str(c.country),
        actions: num(c.actions),
        reports: num(c.reports),
      }))
      .sort((a, b) => b.actions - a.actions || a.name.localeCompare(b.name)),
    namedGroups: groups && groups.map((g) => ({ name: str(g.label), actions: typeof g.actions === 'number' ? g.actions : null })),
    suppressBelow: typeof protection.suppressBelow === 'number' ? protection.suppressBelow : DEFAULT_SUPPRESS_BELOW,
  };
}

/**
 * Whether the server refused because the scope already has a FINAL snapshot: publishing again
 * needs `replace: true`.
 */
export function needsReplace(error: unknown): boolean {
  return graphQLErrorsOf(error).some((e) => {
    if (e.extensions?.code !== 'BAD_USER_INPUT') return false;
    const fields = e.extensions.fields;
    return /\breplace\b/i.test(e.message) || (isRecord(fields) && 'replace' in fields);
  });
}

/** The start of a SHA-256 checksum: enough to tell snapshots apart at a glance. */
export function shortChecksum(checksum: string): string {
  return checksum.length > 12 ? `${checksum.slice(0, 12)}…` : checksum;
}

/** The JSON and CSV downloads of a snapshot, next to its public page. */
export function downloadUrls(url: string): { json: string; csv: string } {
  return { json: `${url}.json`, csv: `${url}.csv` };
}
