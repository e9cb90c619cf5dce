import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from './context';

/**
 * A mutation runs on the write pool: its transaction and the fields it answers never wait for a
 * connection behind the dashboard's reads. Decided once the operation is known, on the context
 * Apollo executes (its own shallow copy of the one the context function made).
 */
export const writeConnectionsPlugin: ApolloServerPlugin<Context> = {
  requestDidStart: async () => ({
    didResolveOperation: async ({ operation, contextValue }) => {
      if (operation?.operation === 'mutation') Object.assign(contextValue, contextValue.writeConnections());
    },
  }),
};
