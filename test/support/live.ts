import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface FiguresEvent {
  dataVersion: number;
  asOf: string;
  /** performance.now() when the event arrived. */
  at: number;
}

export interface LiveSubscription {
  events: FiguresEvent[];
  /** The first event matching, waiting at most `timeoutMs`. */
  waitFor(match: (e: FiguresEvent) => boolean, timeoutMs?: number): Promise<FiguresEvent>;
  /** Resolves with the close code (or error) once the subscription ends. */
  ended: Promise<{ code?: number; reason?: string; errors?: unknown[] }>;
  close(): Promise<void>;
}

export interface SubscribeOptions {
  /** A bearer token sent as connectionParams.authorization. */
  token?: string;
  /** Extra headers on the upgrade request (a cookie, an Origin). */
  headers?: Record<string, string>;
  query?: string;
}

/** `subscription { figuresChanged }` at the app's /graphql over WebSocket, as graphql-ws clients do it. */
export function subscribeFigures(httpUrl: string, { token, headers = {}, query }: SubscribeOptions = {}): LiveSubscription {
  const events: FiguresEvent[] = [];
  class WebSocketWithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocketWithHeaders,
    connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
    retryAttempts: 0,
  });
  let end!: (value: { code?: number; reason?: string; errors?: unknown[] }) => void;
  const ended = new Promise<{ code?: number; reason?: string; errors?: unknown[] }>((resolve) => (end = resolve));
  const unsubscribe = client.subscribe<{ figuresChanged: Omit<FiguresEvent, 'at'> }>(
    { query: query ?? 'subscription { figuresChanged { dataVersion asOf } }' },
    {
      next: (result) => {
        const at = performance.now();
        if (result.errors) end({ errors: [...result.errors] });
        else if (result.data) events.push({ ...result.data.figuresChanged, at });
      },
      error: (error) => {
        const e = error as { code?: number; reason?: string };
        end(Array.isArray(error) ? { errors: error } : { code: e.code, reason: e.reason });
      },
      complete: () => end({}),
    },
  );
  return {
    events,
    ended,
    async waitFor(match, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching event in ${timeoutMs} ms; got ${JSON.stringify(events)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    async close() {
      unsubscribe();
      await client.dispose();
    },
  };
}
