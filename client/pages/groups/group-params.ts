// The page's own address parameters: `?q=` (the search), `?group=` (a group's page) and
// `?list=not-reported` (the second list). A malformed value is no value.

/** The server refuses a longer search. */
export const SEARCH_MAX_LENGTH = 100;

export type GroupList = 'ranking' | 'not-reported';

/** The search as typed, or null when blank or too long to be one. */
export function parseSearch(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' || trimmed.length > SEARCH_MAX_LENGTH ? null : trimmed;
}

/** A group id (digits, as the server issues them), or null. */
export function parseGroupId(value: string | null): string | null {
  return value !== null && /^[1-9]\d{0,8}$/.test(value) ? value : null;
}

export function parseList(value: string | null): GroupList {
  return value === 'not-reported' ? 'not-reported' : 'ranking';
}
