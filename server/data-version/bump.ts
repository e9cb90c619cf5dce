import type { EntityManager } from 'typeorm';
import { DATA_VERSION_CHANNEL } from './notification';
import { versionWritten } from './own-commits';

/**
 * Bumps the version and queues a notification carrying it, in one statement. PostgreSQL delivers
 * the notification only when (and if) the transaction commits, in commit order.
 */
export const BUMP_DATA_VERSION_SQL = `WITH bumped AS (
    UPDATE data_version SET version = version + 1, updated_at = now() RETURNING version, updated_at
  )
  SELECT version, updated_at,
    pg_notify('${DATA_VERSION_CHANNEL}', json_build_object('version', version, 'updatedAt', updated_at)::text)
  FROM bumped`;

/**
 * Marks that figures changed; returns the new version. Call last in a write transaction. Other
 * processes hear of it by NOTIFY when the transaction commits; this process at once after COMMIT.
 */
export async function bumpDataVersion(db: EntityManager): Promise<number> {
  const [row] = await db.query(BUMP_DATA_VERSION_SQL);
  const version = Number(row.version);
  versionWritten(db, { version, updatedAt: new Date(row.updated_at) });
  return version;
}
