import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Role } from '../modules/users/session-token';
import { SESSION_HOURS, verifyToken } from '../modules/users/session-token';
import { findActiveUser } from '../modules/users/user.service';

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
}

/**
 * Who makes this request: a bearer token (scripts) or the session cookie (the dashboard), both
 * signed with the session secret. The user is read on every request, so disabling an account
 * ends its sessions and tokens at once.
 */
export async function authenticate(req: Request, db: DataSource, secret: Uint8Array): Promise<Authentication> {
  const header = req.headers.authorization;
  const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
  const cookie = bearer ? undefined : parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
  const token = bearer ?? cookie;
  if (!token) return { user: null, via: null };
  const claims = await verifyToken(secret, token);
  const user = claims && (await findActiveUser(db, claims.userId));
  if (!user) return { user: null, via: null };
  return {
    user: { id: user.id, email: user.email, role: user.role as Role, regions: user.role === 'coordinator' ? user.regions : [] },
    via: bearer ? 'bearer' : 'cookie',
  };
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
