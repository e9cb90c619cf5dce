import type { EntityManager } from 'typeorm';

/**
 * Records a change in the caller's transaction, so the log and the change commit together.
 * Details never hold a password or a token.
 */
export async function audit(
  db: EntityManager,
  userId: number | null,
  action: string,
  target: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await db.query(`INSERT INTO audit_log (user_id, action, target, details) VALUES ($1, $2, $3, $4)`, [
    userId,
    action,
    target,
    JSON.stringify(details),
  ]);
}
