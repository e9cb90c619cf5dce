import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Bounds on what one request may ask, so no query can make the server work without limit: depth,
 * aliases, directives, tokens and a cost per field (lists count more). Page sizes and list
 * filters are bounded where they are declared (first ≤ 100, filter lists ≤ 500 values).
 */
export function queryLimits() {
  return new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 30 },
    maxDirectives: { n: 20 },
    maxTokens: { n: 4000 },
    costLimit: { maxCost: 20_000, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5 },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
