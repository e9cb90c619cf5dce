import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Sign-in attempts are limited per account (5 in 15 minutes) and per address (30 in 15 minutes),
 * so passwords cannot be guessed at speed. An attempt is counted when it starts, before the slow
 * password check, so parallel guesses count like sequential ones; a successful sign-in gives its
 * attempts back. Kept in memory: with several instances each counts on its own, which still bounds
 * guessing to a few attempts a minute.
 */
const perAccount = new RateLimiterMemory({ keyPrefix: 'login-account', points: 5, duration: 15 * 60 });
const perAddress = new RateLimiterMemory({ keyPrefix: 'login-address', points: 30, duration: 15 * 60 });

/** Counts an attempt now: 0 when it may go on, else the seconds to wait (and it is not counted for the address). */
export async function takeLoginAttempt(email: string, address: string): Promise<number> {
  try {
    await perAccount.consume(email);
    await perAddress.consume(address);
    return 0;
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}

export async function recordSuccessfulLogin(email: string, address: string): Promise<void> {
  await Promise.all([perAccount.delete(email), perAddress.reward(address, 1)]);
}
