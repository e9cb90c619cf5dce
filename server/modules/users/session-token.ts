import { jwtVerify, SignJWT } from 'jose';

export type Role = 'admin' | 'staff' | 'coordinator';
export const ROLES: Role[] = ['admin', 'staff', 'coordinator'];

/** What a signed session cookie or bearer token says; the user is still looked up on every request. */
export interface TokenClaims {
  userId: number;
  kind: 'session' | 'script';
}

export const SESSION_HOURS = 12;
export const SCRIPT_TOKEN_DAYS = 90;

const ISSUER = 'w4r-impact';

export async function signToken(secret: Uint8Array, claims: TokenClaims, expiresIn: string): Promise<string> {
  return new SignJWT({ kind: claims.kind })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(claims.userId))
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
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
    // every token we sign expires; one without `exp` is valid for a minute of caching at most
    const expiresAt = typeof payload.exp === 'number' ? payload.exp * 1000 : Date.now() + 60_000;
    return { claims: { userId, kind: payload.kind }, expiresAt };
  } catch {
    return null;
  }
}
