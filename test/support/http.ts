import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createApp, type App, type AppOptions } from '../../server/app';
import { issueToken } from '../../server/modules/users/session.service';
import { addUser } from '../../server/modules/users/user.service';

export const TEST_SECRET = new TextEncoder().encode('test-secret-test-secret-test-secret-0123');

export type GraphQLAnswer<T = any> = { data: T; errors: any[]; extensions?: any };

export interface RunningApp extends App {
  url: string;
  /** As the test's admin (a bearer token), unless `token` says otherwise (null: anonymous). */
  graphql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLAnswer<T>>;
  adminToken: string;
  /** A user of this role (coordinators for `regions`) and a bearer token for them. */
  userToken(role: 'admin' | 'staff' | 'coordinator', regions?: string[]): Promise<string>;
}

let users = 0;

/** The real HTTP application on an ephemeral port, with a signed-in admin by default. */
export async function startApp(dataSource: DataSource, options: Partial<AppOptions> = {}): Promise<RunningApp> {
  const app = await createApp(dataSource, { sessionSecret: TEST_SECRET, ...options });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  const userToken = async (role: 'admin' | 'staff' | 'coordinator', regions: string[] = []) => {
    const user = await addUser(dataSource, { email: `${role}-${++users}-${process.pid}@test.w4r`, role, regions, password: 'a-long-test-password' }, null);
    return issueToken(dataSource, TEST_SECRET, { userId: user.id, kind: 'script' }, 3600);
  };
  const adminToken = await userToken('admin');
  return {
    ...app,
    url,
    adminToken,
    userToken,
    async graphql(query, variables, token = adminToken) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify({ query, variables }),
      });
      return res.json();
    },
  };
}
