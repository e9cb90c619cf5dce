/**
 * Asks again until `done` holds or `timeoutMs` passes, then gives the last answer. Someone other
 * than the writer sees a report write once the shared data version advances, which it does at most
 * once a second under a stream of writes.
 */
export async function eventually<T>(ask: () => Promise<T>, done: (answer: T) => boolean, timeoutMs = 3000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const answer = await ask();
    if (done(answer) || Date.now() > until) return answer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
