import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Context } from './context';

/**
 * Whole answers to read queries, keyed by (data version, user, day, query, variables): the same
 * dashboard asked again before the next write is answered without executing anything, which is
 * what a December peak of people watching one dashboard looks like. Per user, so nothing crosses
 * accounts or scopes; the day is in the key because `progress` stands at "today" until the data
 * changes. Answers with errors are never kept.
 */
export function responseCache(): ApolloServerPlugin<Context> {
  const answers = new LRUCache<string, FormattedExecutionResult>({ max: 1000 });
  return {
    async requestDidStart() {
      let key: string | undefined;
      return {
        async responseForOperation({ request, operation, contextValue }) {
          // no operation (several and no operationName): execution answers the error
          if (operation?.operation !== 'query' || !contextValue.user) return null;
          // the database unreachable: no cache, the query runs and fails as any other (an error
          // thrown here escapes Apollo's pipeline, and graphql-armor turns it into a "validation"
          // error carrying the raw database message)
          const freshness = await contextValue.freshness().catch(() => null);
          if (!freshness) return null;
          const { dataVersion } = freshness;
          let variables: string;
          try {
            variables = JSON.stringify(request.variables ?? {});
          } catch {
            return null; // variables nested too deep to write down: not cached; execution refuses them
          }
          key = [
            dataVersion,
            contextValue.user.id,
            new Date().toISOString().slice(0, 10),
            request.operationName ?? '',
            request.query,
            variables,
          ].join('\u0000');
          const hit = answers.get(key);
          return hit ? { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { ...hit } } } : null;
        },
        async willSendResponse({ response }) {
          if (key && response.body.kind === 'single' && !response.body.singleResult.errors) {
            const { extensions: _freshnessAddedPerAnswer, ...result } = response.body.singleResult;
            answers.set(key, result);
          }
        },
      };
    },
  };
}
