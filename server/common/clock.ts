/** What time it is. The embedded demo may run on another day (DEMO_TODAY); everything else uses the real clock. */
export type Clock = () => Date;

export const realClock: Clock = () => new Date();

const DAY = 86_400_000;

/**
 * The real clock moved by whole days so that today is `today` (YYYY-MM-DD): the time of day stays
 * real, so a demo started on another day still moves by the second.
 */
export function clockOn(today: string): Clock {
  const offset = Date.parse(`${today}T00:00:00Z`) - Math.floor(Date.now() / DAY) * DAY;
  return () => new Date(Date.now() + offset);
}
