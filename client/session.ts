import { CombinedGraphQLErrors, ServerError } from '@apollo/client';

// Pure helpers for signing in: who the user is in words, and what an error means for the session.

export type Role = 'admin' | 'staff' | 'coordinator';

export interface SessionUser {
  id: string;
  email: string;
  /** "admin" | "staff" | "coordinator"; typed as string because the schema does. */
  role: string;
  /** A coordinator's regions; empty for everyone else. */
  regions: string[];
}

export const SESSION_ENDED_NOTICE = 'Your session has ended; please sign in again.';

export const COOKIE_BLOCKED_MESSAGE =
  'You were signed in, but this browser did not keep the session cookie. Allow cookies for this site, then try again.';

const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', staff: 'Staff', coordinator: 'Coordinator' };

/** "Admin", "Staff", "Coordinator"; an unknown role is shown as the server names it. */
export function roleLabel(role: string): string {
  return ROLE_LABELS[role as Role] ?? role;
}

/** "Regions: Americas" for a coordinator ("Region: …" would read oddly for two); null otherwise. */
export function regionsLabel(user: Pick<SessionUser, 'regions'>): string | null {
  return user.regions.length > 0 ? `Regions: ${user.regions.join(', ')}` : null;
}

/** What a role may see, in a few words, for the demo accounts list. */
export function roleDescription(account: Pick<SessionUser, 'role' | 'regions'>): string {
  switch (account.role) {
    case 'admin':
      return 'Everything, including users and publishing';
    case 'staff':
      return 'All figures, imports and case outcomes';
    case 'coordinator':
      return account.regions.length > 0 ? `Only the figures of ${account.regions.join(', ')}` : 'Only their own regions';
    default:
      return '';
  }
}

/** How a demo account is named on its button: "Staff", "Coordinator (Americas)". */
export function accountLabel(account: Pick<SessionUser, 'role' | 'regions'>): string {
  const role = roleLabel(account.role);
  return account.regions.length > 0 ? `${role} (${account.regions.join(', ')})` : role;
}

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown> | null;
}

/**
 * The GraphQL errors an Apollo error carries: those of a 200 answer, or those in the JSON body of a
 * non-2xx answer (a server may send 401 or 429 with a GraphQL body). Empty for network errors.
 */
export function graphQLErrorsOf(error: unknown): readonly GraphQLErrorLike[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors;
  if (ServerError.is(error)) {
    try {
      const body: unknown = JSON.parse(error.bodyText);
      if (body && typeof body === 'object' && 'errors' in body && Array.isArray(body.errors)) {
        return body.errors.filter(
          (e): e is GraphQLErrorLike => !!e && typeof e === 'object' && typeof e.message === 'string',
        );
      }
    } catch {
      // Not JSON: no GraphQL errors to read.
    }
  }
  return [];
}

/** Whether the server refused the request because nobody is signed in (or the session expired). */
export function isUnauthenticated(error: unknown): boolean {
  if (graphQLErrorsOf(error).some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return true;
  return ServerError.is(error) && error.statusCode === 401;
}

/** A sentence for a person: the server's own message when it sent one, else what went wrong. */
export function errorMessage(error: unknown): string {
  const withMessage = graphQLErrorsOf(error).find((e) => e.message.trim() !== '');
  if (withMessage) return withMessage.message;
  if (ServerError.is(error)) {
    if (error.statusCode === 429) return 'Too many attempts. Wait a few minutes, then try again.';
    return `The server answered with an error (HTTP ${error.statusCode}). Try again in a moment.`;
  }
  const message = error instanceof Error ? error.message : String(error);
  // fetch() rejects with a TypeError whose text differs by browser ("Failed to fetch", "Load failed").
  if (error instanceof TypeError || /failed to fetch|load failed|networkerror/i.test(message)) {
    return 'The server could not be reached. Check your connection, then try again.';
  }
  return message;
}

/** Whether the role may see and publish impact snapshots (the server refuses everyone else). */
export function canManageSnapshots(role: string): boolean {
  return role === 'admin' || role === 'staff';
}
