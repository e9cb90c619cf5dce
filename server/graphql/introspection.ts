import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, NoSchemaIntrospectionCustomRule, validate } from 'graphql';
import type { Context } from './context';

/**
 * In production the schema can be introspected by signed-in staff and admins only; elsewhere by
 * anyone (developers' tools). The committed schema.graphql is the public description.
 */
export function introspectionForStaff(production: boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue, schema }) {
          if (!production || contextValue.user?.role === 'admin' || contextValue.user?.role === 'staff') return;
          if (validate(schema, document, [NoSchemaIntrospectionCustomRule]).length > 0) {
            throw new GraphQLError('Introspection is for signed-in staff', { extensions: { code: 'FORBIDDEN' } });
          }
        },
      };
    },
  };
}
