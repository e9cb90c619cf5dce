/** The channel every write notifies on commit (see bump.ts). */
export const DATA_VERSION_CHANNEL = 'w4r_data_version';

export interface DataVersion {
  version: number;
  /** When the write that made this version started (the row's `updated_at`). */
  updatedAt: Date;
}

export const READ_VERSION_SQL = `SELECT version, updated_at FROM data_version`;

/** A notification's payload as a version; null for anything else (a probe). */
export function parsePayload(payload: string): DataVersion | null {
  if (/^\d+$/.test(payload)) return { version: Number(payload), updatedAt: new Date() };
  if (!payload.startsWith('{')) return null;
  try {
    const { version, updatedAt } = JSON.parse(payload);
    const at = new Date(updatedAt);
    return Number.isSafeInteger(version) && !Number.isNaN(at.getTime()) ? { version, updatedAt: at } : null;
  } catch {
    return null;
  }
}
