/**
 * Runs an action at most once per interval: at once when it last ran longer ago, else once when
 * the interval ends (however often it was asked meanwhile).
 */
export class Throttle {
  private ranAt = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly intervalMs: number,
    private readonly action: () => void,
  ) {}

  /** Runs the action now or at the end of the interval. */
  request(): void {
    if (this.timer) return; // already due: it will see the latest state
    const wait = this.ranAt + this.intervalMs - Date.now();
    if (wait <= 0) return this.run();
    this.timer = setTimeout(() => this.run(), wait);
  }

  /** Runs the action now, whatever the interval. */
  run(): void {
    this.stop();
    this.ranAt = Date.now();
    this.action();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
