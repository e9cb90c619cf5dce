import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createApp, type App } from '../../server/app';

export interface RunningApp extends App {
  url: string;
  graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data: T; errors: any[] }>;
}

/** The real HTTP application on an ephemeral port. */
export async function startApp(dataSource: DataSource): Promise<RunningApp> {
  const app = await createApp(dataSource);
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  return {
    ...app,
    url,
    async graphql(query, variables) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return res.json();
    },
  };
}
