import type { IncomingHttpHeaders, IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Request } from 'express';
import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { DataSource } from 'typeorm';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Context } from '../graphql/context';
import { formatError } from '../graphql/errors';
import { logger } from '../logger';
import { authenticate, type AuthUser } from './authenticate';

/** Subscriptions one socket may hold at once; a dashboard needs one. */
const MAX_SUBSCRIPTIONS = 10;
/** Largest message a client may send (a subscription document is a few hundred bytes). */
const MAX_MESSAGE_BYTES = 64 * 1024;
/** As on HTTP (server/graphql/limits.ts). */
const MAX_TOKENS = 4000;

export interface SubscriptionServerOptions {
  schema: GraphQLSchema;
  dataSource: DataSource;
  secret: Uint8Array;
  production: boolean;
  /** The query limits of the HTTP endpoint, applied here too. */
  validationRules: ValidationRule[];
  contextFor(user: AuthUser): Context;
  /** How often open sockets check that their token and account are still good (default 30 s). */
  recheckMs?: number;
}

export interface SubscriptionServer {
  stop(): Promise<void>;
}

interface Authenticated {
  user: AuthUser;
  /** The headers that proved it, to check again later. */
  headers: IncomingHttpHeaders;
}

/**
 * GraphQL subscriptions (graphql-transport-ws protocol, graphql-ws) at /graphql on the app's HTTP
 * server. A socket must prove a user in its connection_init: `connectionParams.authorization` (a
 * bearer token, for scripts) or the session cookie of the upgrade request (the dashboard, whose
 * page must be of this origin: a cross-site socket cannot ride the cookie). Without one the socket
 * is closed with 4401. Open sockets re-check their user every `recheckMs`, so a disabled account
 * or an expired session loses its socket too. Only subscription operations are accepted; queries
 * and mutations go over HTTP, where the limits, the CSRF check and the plugins apply.
 */
export function attachSubscriptions(httpServer: Server, options: SubscriptionServerOptions): SubscriptionServer {
  const { schema, dataSource, secret, production, validationRules, contextFor, recheckMs = 30_000 } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const sockets = new Map<WebSocket, Authenticated>();

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://x').pathname !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  };
  httpServer.on('upgrade', onUpgrade);

  const server = useServer<Record<string, unknown>, { auth: Authenticated }>(
    {
      schema,
      isProd: production,
      async onConnect(ctx) {
        const auth = await authenticateSocket(ctx.extra.request, ctx.connectionParams, dataSource, secret, production);
        if (!auth.user) {
          // 4401 tells graphql-ws clients not to retry; returning false alone would say 4403
          ctx.extra.socket.close(auth.refusal === 'forbidden' ? CloseCode.Forbidden : CloseCode.Unauthorized, auth.message);
          return false;
        }
        ctx.extra.auth = auth;
        sockets.set(ctx.extra.socket, auth);
        return true;
      },
      onClose(ctx) {
        sockets.delete(ctx.extra.socket);
      },
      onSubscribe(ctx, _id, payload) {
        if (Object.keys(ctx.subscriptions).length > MAX_SUBSCRIPTIONS) {
          return [new GraphQLError(`At most ${MAX_SUBSCRIPTIONS} subscriptions per connection`, { extensions: { code: 'BAD_REQUEST' } })];
        }
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: MAX_TOKENS });
        } catch (error) {
          return [new GraphQLError((error as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const invalid = validate(schema, document, [...specifiedRules, ...validationRules]);
        if (invalid.length > 0) {
          return invalid.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...e.extensions } }));
        }
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [
            new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP', {
              extensions: { code: 'BAD_REQUEST' },
            }),
          ];
        }
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: contextFor(ctx.extra.auth!.user),
        };
      },
      // the same error policy as HTTP: codes meant for clients pass, anything else is hidden and logged
      onNext(_ctx, _id, _payload, _args, result) {
        if (!result.errors?.length) return;
        return { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) };
      },
      onError(_ctx, _id, _payload, errors) {
        return errors.map((e) => formatError(e.toJSON(), e));
      },
    },
    wss,
  );

  const recheck = setInterval(() => {
    void recheckSockets(sockets, dataSource, secret).catch((error) => logger.warn({ err: error }, 'socket re-check failed'));
  }, recheckMs);
  recheck.unref();

  return {
    async stop() {
      clearInterval(recheck);
      httpServer.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      // a client that does not answer the close handshake within a second is cut off
      const deadline = Date.now() + 1000;
      while (wss.clients.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      for (const client of wss.clients) client.terminate();
      await server.dispose();
    },
  };
}

type SocketAuthentication = (Authenticated & { refusal?: never }) | { user: null; refusal: 'unauthorized' | 'forbidden'; message: string };

/**
 * The user of a new socket, by the same rules as an HTTP request (server/http/authenticate.ts),
 * reading only headers: a bearer token from the connection parameters stands for the
 * Authorization header; otherwise the upgrade request's own headers (its cookie) count.
 */
async function authenticateSocket(
  request: IncomingMessage,
  params: Record<string, unknown> | undefined,
  db: DataSource,
  secret: Uint8Array,
  production: boolean,
): Promise<SocketAuthentication> {
  const headers: IncomingHttpHeaders = { ...request.headers };
  const param = params?.authorization ?? params?.Authorization;
  if (typeof param === 'string' && param.trim()) {
    headers.authorization = /^bearer /i.test(param.trim()) ? `Bearer ${param.trim().slice(7).trim()}` : `Bearer ${param.trim()}`;
  }
  const { user, via } = await authenticate({ headers } as Request, db, secret);
  if (!user) return { user: null, refusal: 'unauthorized', message: 'Unauthorized' };
  if (via === 'cookie' && !sameOrigin(request, production)) {
    return { user: null, refusal: 'forbidden', message: 'Cross-origin socket refused' };
  }
  return { user, headers };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The page that opened a cookie-authenticated socket must be ours (browsers always send Origin on
 * a WebSocket handshake, and SameSite does not separate sibling subdomains). Outside production a
 * page on a loopback address counts too: the Vite dev server runs on another port.
 */
function sameOrigin(request: IncomingMessage, production: boolean): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    const url = new URL(origin);
    return url.host === request.headers.host || (!production && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
}

/** Closes the sockets whose token expired or whose account was disabled or removed since they connected. */
async function recheckSockets(sockets: Map<WebSocket, Authenticated>, db: DataSource, secret: Uint8Array): Promise<void> {
  const verdicts = new Map<string, Promise<AuthUser | null>>();
  for (const [socket, { user, headers }] of sockets) {
    const key = `${headers.authorization ?? ''}\u0000${headers.cookie ?? ''}`;
    let verdict = verdicts.get(key);
    if (!verdict) {
      verdict = authenticate({ headers } as Request, db, secret).then((a) => a.user);
      verdicts.set(key, verdict);
    }
    const now = await verdict;
    if (!now || now.id !== user.id) {
      sockets.delete(socket);
      socket.close(CloseCode.Unauthorized, 'Session ended');
    }
  }
}
