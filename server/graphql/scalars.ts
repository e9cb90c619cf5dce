import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isIsoDate } from '../common/dates';

/**
 * A calendar date, `YYYY-MM-DD`, kept as a string so no time zone can shift it. Inputs are checked;
 * outputs are our own date strings and go out as they are (the dashboard's daily series has
 * thousands of them, and a library scalar re-validating each cost a fifth of a response).
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD',
  serialize: (value) => String(value),
  parseValue: (value) => checkDate(value),
  parseLiteral: (ast) => checkDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function checkDate(value: unknown): string {
  if (typeof value === 'string' && isIsoDate(value)) return value;
  throw new GraphQLError(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)?.slice(0, 40)}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}
