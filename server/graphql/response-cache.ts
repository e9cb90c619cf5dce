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
          if (operation.operation !== 'query' || !contextValue.user) return null;
          const { dataVersion } = await contextValue.freshness();
          key = [
            dataVersion,
            contextValue.user.id,
            new Date().toISOString().slice(0, 10),
            request.operationName ?? '',
            request.query,
            JSON.stringify(request.variables ?? {}),
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
