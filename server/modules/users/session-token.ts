import { jwtVerify, SignJWT } from 'jose';

export type Role = 'admin' | 'staff' | 'coordinator';
export const ROLES: Role[] = ['admin', 'staff', 'coordinator'];

/** What a signed session cookie or bearer token says; its session row and the user are still checked on every request. */
export interface TokenClaims {
  userId: number;
  kind: 'session' | 'script';
  /** The token's `jti`: the id of its row in auth_session (server/modules/users/session.service.ts). */
  sessionId: string;
}

export const SESSION_HOURS = 12;
export const SCRIPT_TOKEN_DAYS = 90;

const ISSUER = 'w4r-impact';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a value can be a session id (a lowercase UUID, as issueToken makes them). */
export function isSessionId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Signs a token valid until `expiresAt`; only issueToken (session.service.ts) calls it, with the session's row. */
export async function signToken(secret: Uint8Array, claims: TokenClaims, expiresAt: Date): Promise<string> {
  return new SignJWT({ kind: claims.kind })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(claims.userId))
    .setJti(claims.sessionId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(secret);
}

/** The claims of a valid, unexpired token signed with our secret; null for anything else. */
export async function verifyToken(secret: Uint8Array, token: string): Promise<TokenClaims | null> {
  const verified = await verifyTokenUntil(secret, token);
  return verified && verified.claims;
}

/** As verifyToken, with the time (ms since the epoch) the token stops being valid. */
export async function verifyTokenUntil(secret: Uint8Array, token: string): Promise<{ claims: TokenClaims; expiresAt: number } | null> {
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, algorithms: ['HS256'] });
    const userId = Number(payload.sub);
    if (!Number.isInteger(userId) || (payload.kind !== 'session' && payload.kind !== 'script')) return null;
    // a token without a session row to check could not be revoked: refused
    if (!isSessionId(payload.jti)) return null;
    // every token we sign expires; one without `exp` is valid for a minute of caching at most
    const expiresAt = typeof payload.exp === 'number' ? payload.exp * 1000 : Date.now() + 60_000;
    return { claims: { userId, kind: payload.kind, sessionId: payload.jti }, expiresAt };
  } catch {
    return null;
  }
}
