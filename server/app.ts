import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import compression from 'compression';
import { pinoHttp } from 'pino-http';
import { logger } from './logger';
import express from 'express';
import type { DataSource } from 'typeorm';
import { createReadPool } from './db/data-source';
import { realClock, type Clock } from './common/clock';
import { DataVersionWatcher, freshnessPlugin } from './data-version';
import { isDatabaseUnavailable } from './db/database-unavailable';
import { POOL_DEFAULTS, type ReadPoolSettings } from './env';
import { ReadRouter } from './db/read-replica';
import { createContext, type Context } from './graphql/context';
import { FiguresFeed } from './graphql/figures-changed';
import { formatError } from './graphql/errors';
import { queryLimits } from './graphql/limits';
import { answerReadsPlugin } from './graphql/answer-reads';
import { serviceUnavailable, serviceUnavailablePlugin } from './graphql/service-unavailable';
import { writeConnectionsPlugin } from './graphql/write-connections';
import { QueryCache } from './graphql/query-cache';
import { getSchema } from './graphql/schema';
import { AnswerCache } from './http/answer-cache';
import { ReadGate } from './http/read-gate';
import { Authenticator } from './http/authenticate';
import { healthRouter } from './http/health';
import { serviceUnavailableHandler } from './http/service-unavailable';
import { introspectionForStaff } from './graphql/introspection';
import { staticClientRouter } from './http/static-client';
import { dashboardBootstrap } from './http/dashboard-bootstrap';
import { attachSubscriptions } from './http/subscriptions';
import { importRouter } from './modules/imports/import.http';
import { snapshotRouter } from './modules/snapshots/snapshot.http';
import { CounterFeed } from './modules/counters/counter-feed';
import { counterRouter } from './modules/counters/counter.http';

export interface App {
  httpServer: Server;
  /** The app's own connections for reads (the data source given to createApp serves writes). */
  readPool: DataSource;
  stop(): Promise<void>;
}

export interface AppOptions {
  /** The largest CSV upload, in bytes (default 256 MiB). */
  importMaxBytes?: number;
  /** Signs session cookies and script tokens. */
  sessionSecret: Uint8Array;
  /** Production: Secure cookies, introspection for staff only. */
  production?: boolean;
  /** The embedded demo database: its demo accounts are shown on the sign-in page. */
  embedded?: boolean;
  /** How often open WebSockets re-check their user (default 30 s). */
  socketRecheckMs?: number;
  /** A streaming replica for dashboard reads (DATABASE_READ_URL). */
  readDataSource?: DataSource | null;
  /** How often a public counter's figures are read again (default 5 s): its cost, whatever the readers. */
  counterRefreshMs?: number;
  /** The app's own pool for reads on the primary (DB_READ_*); `dataSource`'s pool is left to writes. */
  readPool?: ReadPoolSettings;
  /** What time it is for campaign progress (the embedded demo may run on another day); the real clock by default. */
  clock?: Clock;
  /** The built dashboard (default dist/client). */
  clientDir?: string;
  /** GraphQL reads executing at once (see ReadGate; default: the cores)... */
  readConcurrency?: number;
  /** ...and waiting their turn before the next is answered 503 (default 256). */
  readQueueLimit?: number;
}

const READ_POOL_DEFAULTS: ReadPoolSettings = { size: POOL_DEFAULTS.readPoolSize, queueLimit: POOL_DEFAULTS.readQueueLimit, waitMs: POOL_DEFAULTS.readWaitMs };

/**
 * Builds the whole HTTP application on a data source; index.ts only listens. Tests import this.
 * `dataSource`'s pool serves writes (mutations, imports, sign-in, health); reads get a pool of
 * their own, bounded, so that more readers than it serves are answered 503 while writes go on.
 */
export async function createApp(dataSource: DataSource, options: AppOptions): Promise<App> {
  const { sessionSecret, production = false, embedded = false, socketRecheckMs, readDataSource = null, counterRefreshMs = 5000, clock = realClock } = options;
  const app = express();
  const httpServer = createServer(app);
  const limits = queryLimits();
  const cache = new QueryCache();
  const readPool = createReadPool(dataSource, options.readPool ?? READ_POOL_DEFAULTS);
  await readPool.initialize();
  const reads = new ReadRouter(readPool, readDataSource);
  // the data version in memory, so a request costs no query to learn it (server/data-version/);
  // the embedded PGlite cannot deliver notifications to another connection: it polls
  const versions = new DataVersionWatcher(dataSource, { listen: !embedded });
  const feed = new FiguresFeed(versions);
  const authenticator = new Authenticator(dataSource, sessionSecret, versions);
  // whole answers as bytes, in front of Apollo (server/http/answer-cache.ts)
  const gate = new ReadGate(options.readConcurrency ?? availableParallelism(), options.readQueueLimit ?? POOL_DEFAULTS.readsWaiting);
  const answers = new AnswerCache({ authenticator, versions, now: clock, gate });
  const schema = await getSchema();
  const contextFor = (user: Context['user'], extra: { res?: express.Response; clientAddress?: string; sessionId?: string | null } = {}) =>
    createContext({
      dataSource: readPool,
      writeDataSource: dataSource,
      reads,
      cache,
      versions,
      liveChannel: feed.channel,
      user,
      secret: sessionSecret,
      secureCookies: production,
      // the demo accounts' passwords are public: listed in the embedded demo only, never in production
      embedded: embedded && !production,
      now: clock,
      ...extra,
    });
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    // on by default; stated because cookie sessions rely on it: a request must show it is not a
    // plain cross-site form post (JSON content type or a custom header)
    csrfPrevention: true,
    introspection: true,
    plugins: [
      ...limits.plugins,
      answers.plugin(),
      writeConnectionsPlugin,
      serviceUnavailablePlugin,
      freshnessPlugin(versions),
      answerReadsPlugin,
      introspectionForStaff(production),
      // HTTP caching is decided per response (immutable snapshots), not per GraphQL field
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
    ],
    // index.ts owns shutdown: it stops the app, then the database, then exits
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  await versions.start();
  feed.start();

  app.disable('x-powered-by');
  // one JSON log line per request, with a request id (also sent back as X-Request-Id)
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/readyz' },
    }),
  );
  // a dashboard asked again before the next write: its stored bytes, before anything else runs
  app.post('/graphql', answers.middleware());
  // GraphQL answers are compressed fast (level 1: a dashboard answer in a fraction of a millisecond);
  // everything else (the dashboard's assets) compressed well.
  app.use('/graphql', compression({ level: 1 }));
  app.use(compression({ filter: (req, res) => !req.path.startsWith('/graphql') && compression.filter(req, res) }));
  app.use(healthRouter(dataSource));
  app.use(importRouter(dataSource, sessionSecret, options.importMaxBytes ?? 256 * 1024 * 1024, versions));
  app.use(snapshotRouter(readPool, dataSource));
  // a replica when there is one (a counter is read again every few seconds anyway), else the read pool: never the writers'
  app.use(counterRouter(new CounterFeed(readDataSource ?? readPool, counterRefreshMs)));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        // the answer cache has usually asked already: the token and the user come from the Authenticator's memory
        const { user, sessionId } = await authenticator.authenticate(req).catch((error: unknown) => {
          throw isDatabaseUnavailable(error) ? serviceUnavailable(error) : error;
        });
        const context = contextFor(user, { res, clientAddress: req.ip ?? '', sessionId });
        answers.bind(context, res);
        return context;
      },
    }),
    // a body over the limit or not JSON: an answer a GraphQL client reads, not express's HTML page
    (error: { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
      const status = error.status ?? 500;
      if (status >= 500 || res.headersSent) return next(error);
      const [code, message] =
        status === 413 ? ['PAYLOAD_TOO_LARGE', 'The request is too large (at most 1 MB)']
        : error.type === 'entity.parse.failed' ? ['BAD_REQUEST', 'The request body is not valid JSON']
        : ['BAD_REQUEST', 'The request body cannot be read'];
      res.status(status).json({ errors: [{ message, extensions: { code } }] });
    },
  );
  app.use(
    staticClientRouter(options.clientDir, async (req) => {
      const { user, sessionId } = await authenticator.authenticate(req);
      return dashboardBootstrap(apollo, user, () => contextFor(user, { clientAddress: req.ip ?? '', sessionId }));
    }),
  );
  app.use(serviceUnavailableHandler);
  // subscriptions share the port and the path: WebSocket upgrades of /graphql
  const subscriptions = attachSubscriptions(httpServer, {
    schema,
    dataSource,
    secret: sessionSecret,
    production,
    validationRules: limits.validationRules,
    contextFor: (user) => contextFor(user),
    recheckMs: socketRecheckMs,
  });

  return {
    httpServer,
    readPool,
    async stop() {
      // sockets first: the HTTP server cannot finish closing while upgraded connections are open
      await subscriptions.stop();
      feed.stop();
      await versions.stop();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await readPool.destroy();
    },
  };
}
