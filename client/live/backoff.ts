/** The longest wait between two attempts to reconnect the live-updates socket. */
export const MAX_RETRY_DELAY_MS = 10_000;
const FIRST_RETRY_DELAY_MS = 500;

/**
 * How long to wait before reconnection attempt `retries` (0 for the first): doubling from half a
 * second up to ten, and only the upper half of that is fixed, so that every dashboard left open
 * when a server restarts does not come back in the same instant. `random` is in [0, 1).
 */
export function retryDelay(retries: number, random: number): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, retries));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}
