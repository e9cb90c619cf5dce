import type { Part } from './areas';

/** The channel every write notifies on commit (see bump.ts). */
export const DATA_VERSION_CHANNEL = 'w4r_data_version';

export interface DataVersion {
  version: number;
  /** When the write that made this version started (the row's `updated_at`). */
  updatedAt: Date;
}

/** A committed version and what it changed: some years and areas of the reports, or (null) anything. */
export interface Change extends DataVersion {
  parts: Part[] | null;
}

export const READ_VERSION_SQL = `SELECT version, updated_at FROM data_version`;

/** A notification's payload as a change; null for anything else (a probe). */
export function parsePayload(payload: string): Change | null {
  if (/^\d+$/.test(payload)) return { version: Number(payload), updatedAt: new Date(), parts: null };
  if (!payload.startsWith('{')) return null;
  try {
    const { version, updatedAt, parts } = JSON.parse(payload);
    const at = new Date(updatedAt);
    if (!Number.isSafeInteger(version) || Number.isNaN(at.getTime())) return null;
    return { version, updatedAt: at, parts: parseParts(parts) };
  } catch {
    return null;
  }
}

/** Parts as bump.ts sends them, [year, region, country]; anything else counts as everything. */
function parseParts(parts: unknown): Part[] | null {
  if (!Array.isArray(parts)) return null;
  const parsed: Part[] = [];
  for (const p of parts) {
    if (!Array.isArray(p) || !Number.isSafeInteger(p[0])) return null;
    const [year, region = null, country = null] = p;
    if ((region !== null && typeof region !== 'string') || (country !== null && typeof country !== 'string')) return null;
    parsed.push({ year, region, country });
  }
  return parsed;
}
