import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { formatList, regionName } from './format';
import type { CommonKey } from './i18n/common.messages';
import { i18next } from './i18n/i18n';

// Helpers for signing in: who the user is in words (through a translate function), and what an error
// means for the session.

export type Role = 'admin' | 'staff' | 'coordinator';

export interface SessionUser {
  id: string;
  email: string;
  /** "admin" | "staff" | "coordinator"; typed as string because the schema does. */
  role: string;
  /** A coordinator's regions; empty for everyone else. */
  regions: string[];
}

/** A shell word by key, with `{{name}}` values: the `t` of `useMessages('common', commonMessages)`. */
export type Translate = (key: CommonKey, values?: Record<string, unknown>) => string;

/** Outside React (App's handlers, Apollo's callbacks): the shell's words in the chosen language. */
const translateCommon: Translate = (key, values) => i18next.t(key, { ns: 'common', ...values });

// Keys of common.messages.ts, not sentences: the app passes them on (a notice, an Error's message)
// and the sign-in page says them in the reader's language.
export const SESSION_ENDED_NOTICE: CommonKey = 'session.ended';
export const COOKIE_BLOCKED_MESSAGE: CommonKey = 'session.cookieBlocked';

const ROLES: readonly string[] = ['admin', 'staff', 'coordinator'] satisfies Role[];
const isRole = (role: string): role is Role => ROLES.includes(role);

/** "Admin", "Staff", "Coordinator"; an unknown role is shown as the server names it. */
export function roleLabel(role: string, t: Translate): string {
  return isRole(role) ? t(`role.${role}`) : role;
}

/** What a role may see, in a few words, for the demo accounts list. */
export function roleDescription(account: Pick<SessionUser, 'role' | 'regions'>, t: Translate): string {
  if (account.role === 'coordinator') {
    return account.regions.length > 0
      ? t('role.scope.coordinator', { regions: formatList(account.regions.map(regionName)) })
      : t('role.scope.coordinatorNoRegion');
  }
  return isRole(account.role) ? t(`role.scope.${account.role}`) : '';
}

/** How a demo account is named on its button: "Staff", "Coordinator (Americas)". */
export function accountLabel(account: Pick<SessionUser, 'role' | 'regions'>, t: Translate): string {
  const role = roleLabel(account.role, t);
  return account.regions.length > 0 ? t('role.withRegions', { role, regions: formatList(account.regions) }) : role;
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

/**
 * A sentence for a person: the server's own message when it sent one (the server speaks English),
 * else what went wrong, in the chosen language.
 */
export function errorMessage(error: unknown, t: Translate = translateCommon): string {
  const withMessage = graphQLErrorsOf(error).find((e) => e.message.trim() !== '');
  if (withMessage) return withMessage.message;
  if (ServerError.is(error)) {
    if (error.statusCode === 429) return t('error.tooManyAttempts');
    return t('error.http', { status: error.statusCode });
  }
  const message = error instanceof Error ? error.message : String(error);
  if (message === COOKIE_BLOCKED_MESSAGE) return t(COOKIE_BLOCKED_MESSAGE);
  // fetch() rejects with a TypeError whose text differs by browser ("Failed to fetch", "Load failed").
  if (error instanceof TypeError || /failed to fetch|load failed|networkerror/i.test(message)) {
    return t('error.unreachable');
  }
  return message;
}
