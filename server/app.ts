import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import compression from 'compression';
import express from 'express';
import type { DataSource } from 'typeorm';
import { createContext, type Context } from './graphql/context';
import { formatError } from './graphql/errors';
import { freshnessPlugin } from './graphql/freshness';
import { queryLimits } from './graphql/limits';
import { QueryCache } from './graphql/query-cache';
import { getSchema } from './graphql/schema';
import { authenticate } from './http/authenticate';
import { healthRouter } from './http/health';
import { introspectionForStaff } from './graphql/introspection';
import { staticClientRouter } from './http/static-client';
import { importRouter } from './modules/imports/import.http';

export interface App {
  httpServer: Server;
  stop(): Promise<void>;
}

export interface AppOptions {
  /** Signs session cookies and script tokens. */
  sessionSecret: Uint8Array;
  /** Production: Secure cookies, introspection for staff only. */
  production?: boolean;
  /** The embedded demo database: its demo accounts are shown on the sign-in page. */
  embedded?: boolean;
}

/** Builds the whole HTTP application on a data source; index.ts only listens. Tests import this. */
export async function createApp(dataSource: DataSource, options: AppOptions): Promise<App> {
  const { sessionSecret, production = false, embedded = false } = options;
  const app = express();
  const httpServer = createServer(app);
  const limits = queryLimits();
  const cache = new QueryCache();
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    formatError,
    validationRules: limits.validationRules,
    allowBatchedHttpRequests: false,
    // on by default; stated because cookie sessions rely on it: a request must show it is not a
    // plain cross-site form post (JSON content type or a custom header)
    csrfPrevention: true,
    introspection: true,
    plugins: [
      ...limits.plugins,
      freshnessPlugin,
      introspectionForStaff(production),
      // HTTP caching is decided per response (immutable snapshots), not per GraphQL field
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
    ],
    // index.ts owns shutdown: it stops the app, then the database, then exits
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  app.disable('x-powered-by');
  // GraphQL answers are compressed fast (level 1: a dashboard answer in a fraction of a millisecond);
  // everything else (the dashboard's assets) compressed well.
  app.use('/graphql', compression({ level: 1 }));
  app.use(compression({ filter: (req, res) => !req.path.startsWith('/graphql') && compression.filter(req, res) }));
  app.use(healthRouter(dataSource));
  app.use(importRouter(dataSource, sessionSecret));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        createContext({
          dataSource,
          cache,
          user: (await authenticate(req, dataSource, sessionSecret)).user,
          res,
          secret: sessionSecret,
          secureCookies: production,
          embedded,
          clientAddress: req.ip ?? '',
        }),
    }),
  );
  app.use(staticClientRouter());

  return {
    httpServer,
    async stop() {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
