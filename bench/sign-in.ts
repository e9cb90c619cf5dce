import type { Browser, BrowserContext } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../server/modules/users/demo-accounts';

/** A demo account's session cookie ("name=value"), signed in through the app's own login mutation. */
export async function sessionCookie(url: string, role: 'staff' | 'coordinator' | 'admin'): Promise<string> {
  const { email, password } = DEMO_ACCOUNTS.find((account) => account.role === role)!;
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { id } }',
      variables: { email, password },
    }),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`signing in as ${email} failed: ${response.status} ${await response.text()}`);
  return cookie;
}

/** A new browser profile (nothing cached) holding the session cookie. */
export async function signedInContext(browser: Browser, url: string, cookie: string): Promise<BrowserContext> {
  const split = cookie.indexOf('=');
  const context = await browser.newContext({ locale: 'en-GB' });
  await context.addCookies([{ name: cookie.slice(0, split), value: cookie.slice(split + 1), url }]);
  return context;
}
