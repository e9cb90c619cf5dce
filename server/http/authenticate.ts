import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import type { DataVersionSource } from '../data-version';
import type { Role } from '../modules/users/session-token';
import { SESSION_HOURS, verifyToken, verifyTokenUntil, type TokenClaims } from '../modules/users/session-token';
import { findSessionUser } from '../modules/users/session.service';

export const SESSION_COOKIE = 'w4r_session';

export interface AuthUser {
  id: number;
  email: string;
  role: Role;
  /** A coordinator's regions; empty for admin and staff (who see everything). */
  regions: string[];
}

export interface Authentication {
  user: AuthUser | null;
  /** How the request proved who it is: a cookie needs CSRF protection, a bearer token does not. */
  via: 'cookie' | 'bearer' | null;
  /** The session or script token the request carries (its row in auth_session): what signing out ends. */
  sessionId: string | null;
}

const NOBODY: Authentication = { user: null, via: null, sessionId: null };

/**
 * Who makes this request: a bearer token (scripts) or the session cookie (the dashboard), both
 * signed with the session secret. The session row and the user are read on every request, so
 * signing out, revoking a token or disabling an account ends it at once.
 */
export async function authenticate(req: Pick<Request, 'headers'>, db: DataSource, secret: Uint8Array): Promise<Authentication> {
  const carried = requestToken(req);
  if (!carried) return NOBODY;
  const claims = await verifyToken(secret, carried.token);
  const user = claims && (await findSessionUser(db, claims));
  return user ? { user: authUser(user), via: carried.via, sessionId: claims.sessionId } : NOBODY;
}

/** The token a request carries: the bearer token (scripts) or the session cookie (the dashboard). */
export function requestToken(req: Pick<Request, 'headers'>): { token: string; via: 'cookie' | 'bearer' } | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = req.headers.cookie ? parseCookies(req.headers.cookie)[SESSION_COOKIE] : undefined;
  return cookie ? { token: cookie, via: 'cookie' } : null;
}

/**
 * `authenticate` for the hot path: the same answer without the signature check and the session
 * query on every request. A verified token is remembered until it expires; the user behind its
 * session is remembered per data version (and 5 minutes at most, so a session's last use is
 * noted), and every change to a user (added, disabled) or a session (signed out, revoked) bumps
 * the data version in its transaction, so a revoked token or a disabled account is refused on its
 * next request (in another instance: once the notification arrives, the same window as every
 * cached answer; see server/modules/users/session.service.ts).
 */
export class Authenticator {
  private readonly tokens = new LRUCache<string, { claims: TokenClaims; expiresAt: number } | false>({ max: 10_000 });
  private readonly users = new LRUCache<string, Promise<AuthUser | false>>({ max: 10_000, ttl: 5 * 60_000 });

  constructor(
    private readonly db: DataSource,
    private readonly secret: Uint8Array,
    private readonly versions: DataVersionSource,
  ) {}

  async authenticate(req: Pick<Request, 'headers'>): Promise<Authentication> {
    const carried = requestToken(req);
    if (!carried) return NOBODY;
    let verified = this.tokens.get(carried.token);
    if (verified === undefined) {
      verified = (await verifyTokenUntil(this.secret, carried.token)) ?? false;
      // bad tokens are remembered briefly (a client retrying with an old cookie), good ones until they expire
      this.tokens.set(carried.token, verified, { ttl: verified ? Math.max(1, verified.expiresAt - Date.now()) : 60_000 });
    }
    if (!verified || verified.expiresAt <= Date.now()) return NOBODY;
    const { claims } = verified;
    const { version } = await this.versions.read();
    const key = `${version}:${claims.sessionId}`;
    let lookup = this.users.get(key);
    if (!lookup) {
      // requests arriving together share one query; a failed one is not remembered
      lookup = findSessionUser(this.db, claims).then((found) => (found ? authUser(found) : false));
      this.users.set(key, lookup);
      lookup.catch(() => this.users.delete(key));
    }
    const user = await lookup;
    return user ? { user, via: carried.via, sessionId: claims.sessionId } : NOBODY;
  }
}

/** What a request knows of its user: their regions only for a coordinator. */
function authUser(user: { id: number; email: string; role: string; regions: string[] }): AuthUser {
  return { id: user.id, email: user.email, role: user.role as Role, regions: user.role === 'coordinator' ? user.regions : [] };
}

export function setSessionCookie(res: Response, token: string, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: SESSION_HOURS * 3_600_000,
  });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
