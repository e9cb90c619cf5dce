/** The longest report id the server stores, so the longest prefix worth searching for. */
export const MAX_SEARCH_LENGTH = 100;

/**
 * The `?q=` of the address as a search: trimmed text of at most 100 characters; anything else
 * (absent, blank, too long) is no search. Pure.
 */
export function parseReportSearch(value: string | null): string | null {
  const text = value?.trim() ?? '';
  return text && text.length <= MAX_SEARCH_LENGTH ? text : null;
}
