import { GraphQLError } from 'graphql';
import type { AuthChecker } from 'type-graphql';
import type { Context } from './context';

export function unauthenticated(): GraphQLError {
  return new GraphQLError('Please sign in', { extensions: { code: 'UNAUTHENTICATED' } });
}

export function forbidden(message = 'Your role does not allow this'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/**
 * `@Authorized()` needs a signed-in user; `@Authorized('admin', 'staff')` one of those roles.
 * Fields without it are public (sign-in, published snapshots).
 */
export const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  if (!context.user) throw unauthenticated();
  if (roles.length > 0 && !roles.includes(context.user.role)) throw forbidden();
  return true;
};
