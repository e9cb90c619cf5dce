import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { audit } from '../audit/audit';
import { bumpDataVersion } from '../../data-version';
import { Session } from './session.entity';
import { isSessionId, signToken, type TokenClaims } from './session-token';
import { User } from './user.entity';
import { UserInputError } from './user.service';

/*
 * Why a session row per token, checked on every request, and how that stays cheap.
 *
 * A signed token alone cannot be taken back: a copied cookie or script token would work until it
 * expires. So each token names its row (`jti`), and a token whose row is gone is refused.
 * Revoking deletes rows and bumps the data version in the same transaction. The Authenticator
 * (server/http/authenticate.ts) remembers a session's verdict per data version, so a request
 * costs no query while nothing changes, and the bump reaches every instance on the same database
 * through the data version's notification (in this instance: at once, before the mutation
 * answers; in another: as soon as the notification arrives, the window every cached answer has).
 * A per-instance revocation list would need its own channel, its own catch-up after a lost
 * connection and its own expiry; the data version already has all three. Revocations are rare
 * (sign-outs), so the cached answers they clear are few next to those every report clears.
 */

const TOUCH_EVERY = "interval '5 minutes'";

type Queryable = Pick<EntityManager, 'query'>;

export interface NewToken {
  userId: number;
  kind: TokenClaims['kind'];
  /** What a script token is for (shown to admins); sessions have none. */
  label?: string | null;
}

/** Stores a session row and signs its token, valid for `lifetimeSeconds`; the user's expired rows go at the same time. */
export async function issueToken(db: Queryable, secret: Uint8Array, token: NewToken, lifetimeSeconds: number): Promise<string> {
  const label = token.label?.trim() || null;
  if (label && label.length > 200) throw new UserInputError('label', 'a label has at most 200 characters');
  const sessionId = randomUUID();
  const expiresAt = new Date(Date.now() + lifetimeSeconds * 1000);
  await db.query(`DELETE FROM auth_session WHERE user_id = $1 AND expires_at < now()`, [token.userId]);
  await db.query(`INSERT INTO auth_session (id, user_id, kind, label, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
    sessionId,
    token.userId,
    token.kind,
    label,
    expiresAt,
  ]);
  return signToken(secret, { userId: token.userId, kind: token.kind, sessionId }, expiresAt);
}

/**
 * The active user behind a live session, or null (revoked, expired, user disabled). Notes the
 * session's use when the last note is older than 5 minutes: one write per session and 5 minutes
 * at most, not one per request.
 */
export async function findSessionUser(db: Queryable, claims: TokenClaims): Promise<Pick<User, 'id' | 'email' | 'role' | 'regions'> | null> {
  const [row] = await db.query(
    `WITH touched AS (
       UPDATE auth_session SET last_used_at = now()
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - ${TOUCH_EVERY})
     )
     SELECT u.id, u.email, u.role, u.regions
     FROM auth_session s JOIN app_user u ON u.id = s.user_id
     WHERE s.id = $1 AND s.user_id = $2 AND s.expires_at > now() AND NOT u.disabled`,
    [claims.sessionId, claims.userId],
  );
  return row ?? null;
}

/** Signs out one session (the caller's own): its token stops working in every instance. */
export async function endSession(db: DataSource, sessionId: string): Promise<void> {
  await db.transaction(async (m) => {
    // TypeORM answers a DELETE with [rows, count]
    const [, count] = await m.query(`DELETE FROM auth_session WHERE id = $1`, [sessionId]);
    if (count > 0) await bumpDataVersion(m);
  });
}

/** Ends every session and token of a user ("sign out everywhere"); the number ended. Audited. */
export async function endSessionsOf(db: DataSource, userId: number, actorId: number): Promise<number> {
  return db.transaction(async (m) => {
    const [, count] = await m.query(`DELETE FROM auth_session WHERE user_id = $1`, [userId]);
    const [user] = await m.query(`SELECT email FROM app_user WHERE id = $1`, [userId]);
    await audit(m, actorId, 'session.revoke-all', user.email, { sessions: count });
    await bumpDataVersion(m);
    return count as number;
  });
}

/** An admin revokes one session or token of any user. Audited. */
export async function revokeSession(db: DataSource, sessionId: string, actorId: number | null): Promise<Session> {
  if (!isSessionId(sessionId)) throw new UserInputError('id', `"${sessionId}" is not a session id`);
  return db.transaction(async (m) => {
    const session = await m.getRepository(Session).findOneBy({ id: sessionId });
    if (!session) throw new UserInputError('id', `no session or token ${sessionId}`);
    const user = await m.getRepository(User).findOneByOrFail({ id: session.userId });
    await m.query(`DELETE FROM auth_session WHERE id = $1`, [sessionId]);
    await audit(m, actorId, 'session.revoke', user.email, { session: sessionId, kind: session.kind, label: session.label });
    await bumpDataVersion(m);
    return session;
  });
}

/** A user's live sessions and tokens, the newest first. */
export async function listSessions(db: DataSource, email: string): Promise<Session[]> {
  const normalized = email.trim().toLowerCase();
  const user = await db.getRepository(User).findOneBy({ email: normalized });
  if (!user) throw new UserInputError('email', `no account for ${normalized}`);
  return db
    .getRepository(Session)
    .createQueryBuilder('s')
    .where('s.user_id = :id AND s.expires_at > now()', { id: user.id })
    .orderBy('s.created_at', 'DESC')
    .getMany();
}
