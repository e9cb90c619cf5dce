/**
 * Reads an enum value as people write it in files: "prisoner of conscience", "Prisoner-of-Conscience"
 * and "PRISONER_OF_CONSCIENCE" all name the same value. Returns undefined when nothing matches.
 */
export function parseEnumText<T extends string>(
  values: readonly T[],
  raw: unknown,
  aliases: Record<string, T> = {},
): T | undefined {
  if (typeof raw !== 'string') return undefined;
  if ((values as readonly string[]).includes(raw)) return raw as T; // the common case, written exactly
  const key = raw.trim().toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_|_$/g, '');
  if ((values as readonly string[]).includes(key)) return key as T;
  return aliases[key];
}
