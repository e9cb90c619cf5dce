import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Sign-in attempts are limited per account (5 failures in 15 minutes) and per address (30 in 15
 * minutes), so passwords cannot be guessed at speed. Kept in memory: with several instances each
 * counts on its own, which still bounds guessing to a few attempts a minute.
 */
const perAccount = new RateLimiterMemory({ keyPrefix: 'login-account', points: 5, duration: 15 * 60 });
const perAddress = new RateLimiterMemory({ keyPrefix: 'login-address', points: 30, duration: 15 * 60 });

/** Seconds to wait before the next attempt, or 0 when an attempt is allowed now. */
export async function loginBlockedFor(email: string, address: string): Promise<number> {
  const [account, ip] = await Promise.all([perAccount.get(email), perAddress.get(address)]);
  const waits = [account, ip]
    .filter((r): r is RateLimiterRes => r !== null && r.consumedPoints >= (r === account ? 5 : 30))
    .map((r) => Math.ceil(r.msBeforeNext / 1000));
  return waits.length ? Math.max(...waits) : 0;
}

export async function recordFailedLogin(email: string, address: string): Promise<void> {
  await Promise.all([perAccount.penalty(email, 1), perAddress.penalty(address, 1)]);
}

export async function recordSuccessfulLogin(email: string): Promise<void> {
  await perAccount.delete(email);
}
