import { GraphQLError } from 'graphql';

/** An error the person can fix: code BAD_USER_INPUT, with the fields it is about. */
export function badInput(message: string, fields?: Record<string, string>): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(fields && { fields }) } });
}
