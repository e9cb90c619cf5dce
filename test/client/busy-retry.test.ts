import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRetryOnBusy } from '../../client/busy/busy-link';

/**
 * The dashboard's client against an HTTP server that answers as ours does when the database is busy
 * or restarting: 503, Retry-After and the GraphQL error SERVICE_UNAVAILABLE (in either response
 * format), for as many requests as a test says, then the data.
 */
const BUSY_BODY = {
  errors: [{ message: 'The service is busy or restarting; nothing was done.', extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfter: 1 } }],
};
const QUERY = gql`
  query Total {
    total
  }
`;

let server: Server;
let url: string;
let script: { status: number; type: string; body: object }[] = [];
let requests = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      const next = script.shift() ?? { status: 200, type: 'application/json', body: { data: { total: 42 } } };
      res.writeHead(next.status, { 'content-type': next.type, ...(next.status === 503 && { 'retry-after': '1' }) });
      res.end(JSON.stringify(next.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  requests = 0;
  script = [];
});

function dashboardClient(attempts = 6) {
  const { link, busy } = createRetryOnBusy({ attempts, initialDelayMs: 20, maxDelayMs: 40 });
  const seen: boolean[] = [];
  busy.subscribe(() => seen.push(busy.isBusy()));
  const client = new ApolloClient({ link: ApolloLink.from([link, new HttpLink({ uri: url })]), cache: new InMemoryCache() });
  return { client, busy, seen };
}

const busyAnswer = (type: string) => ({ status: 503, type, body: BUSY_BODY });

describe('a request refused as busy (503, SERVICE_UNAVAILABLE)', () => {
  it('is sent again with backoff until answered, and says "busy" only meanwhile', async () => {
    // both formats the server may answer in: plain JSON (a network error to Apollo) and the GraphQL response format (errors in a result)
    script = [busyAnswer('application/json'), busyAnswer('application/graphql-response+json; charset=utf-8')];
    const { client, busy, seen } = dashboardClient();
    const { data, error } = await client.query({ query: QUERY, fetchPolicy: 'network-only' });
    expect(error).toBeUndefined();
    expect(data).toEqual({ total: 42 });
    expect(requests).toBe(3);
    expect(seen).toEqual([true, false]);
    expect(busy.isBusy()).toBe(false);
  });

  it('reaches the page as an error, with the server\'s code, once the attempts run out', async () => {
    script = Array.from({ length: 5 }, () => busyAnswer('application/graphql-response+json'));
    const { client, busy, seen } = dashboardClient(3);
    const { data, error } = await client.query({ query: QUERY, fetchPolicy: 'network-only', errorPolicy: 'all' });
    expect(data).toBeUndefined();
    expect((error as { errors?: { extensions?: { code?: string } }[] })?.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(requests).toBe(3);
    expect(seen).toEqual([true, false]);
    expect(busy.isBusy()).toBe(false);
  });
});

describe('any other error', () => {
  it('is not sent again and shows as an error at once, never as "busy"', async () => {
    script = [{ status: 200, type: 'application/json', body: { errors: [{ message: 'Bad year', extensions: { code: 'BAD_USER_INPUT' } }] } }];
    const { client, seen } = dashboardClient();
    const { error } = await client.query({ query: QUERY, fetchPolicy: 'network-only', errorPolicy: 'all' });
    expect(error?.message).toContain('Bad year');
    expect(requests).toBe(1);
    expect(seen).toEqual([]);
  });

  it('a plain server failure (500) is not sent again either', async () => {
    script = [{ status: 500, type: 'application/json', body: { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } }];
    const { client, seen } = dashboardClient();
    const { error } = await client.query({ query: QUERY, fetchPolicy: 'network-only', errorPolicy: 'all' });
    expect(error).toBeDefined();
    expect(requests).toBe(1);
    expect(seen).toEqual([]);
  });
});
