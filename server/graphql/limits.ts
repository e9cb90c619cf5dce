import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Bounds on what one request may ask, so no query can make the server work without limit: depth,
 * aliases, directives, tokens and a cost per field (lists count more). Page sizes and list
 * filters are bounded where they are declared (first ≤ 100, filter lists ≤ 500 values).
 */
export function queryLimits() {
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 30 },
    maxDirectives: { n: 20 },
    // graphql-armor's token plugin refuses from a hook outside Apollo's parse error handling (a
    // 500), and its unexpectedErrorProcessingRequest hook turns any unexpected error into a
    // GRAPHQL_VALIDATION_FAILED carrying the raw error text (a database error reached the client).
    // graphql-js counts tokens itself while parsing: a 400 GRAPHQL_PARSE_FAILED, as for subscriptions.
    maxTokens: { enabled: false },
    costLimit: { maxCost: 20_000, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return { ...armor, parseOptions: { maxTokens: MAX_TOKENS } };
}

/** Tokens in one document at most (the parser stops there). */
export const MAX_TOKENS = 4000;
