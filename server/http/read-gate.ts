import type { Response } from 'express';

/**
 * At most `size` GraphQL reads executing at once in this process; the others wait their turn in
 * order, at most `queueLimit` of them (the next one is answered 503 with Retry-After at once, as
 * by a full read pool). Writes and answers served from the answer cache never wait here.
 *
 * Under a December peak the event loop is what everyone queues for: every round trip of a write
 * waits behind whatever the executing reads have ready. With sixteen readers' pages executing at
 * once a form's write took 250 ms at p50; with two, 65 to 93 ms. Reads gain nothing from running
 * more at once than there are cores to run them (the database's included), so the default size
 * is the number of cores. A wait is bounded by the queue, not by a time: the reads ahead of it end
 * (the database's statement timeout), and a few readers behind a crowd of writers are slow, not refused.
 */
export class ReadGate {
  private executing = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly size: number,
    private readonly queueLimit: number,
  ) {}

  /**
   * Waits for a place, kept until the request's response has finished or its connection closed.
   * False, without a place, when `queueLimit` reads are waiting already or the client went away
   * while this one waited (a closed tab's requests must not hold places nobody will free).
   */
  async enter(res: Response): Promise<boolean> {
    if (this.executing < this.size) this.executing++;
    else if (this.waiting.length >= this.queueLimit || !(await this.turn(res))) return false;
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      // the place goes to the next in line, or is freed
      const next = this.waiting.shift();
      if (next) next();
      else this.executing--;
    };
    res.once('finish', leave);
    res.once('close', leave);
    return true;
  }

  /** Waits in line: true with the place handed over, false when the connection closed first. */
  private turn(res: Response): Promise<boolean> {
    return new Promise((resolve) => {
      const admit = () => {
        res.off('close', gone);
        resolve(true);
      };
      const gone = () => {
        this.waiting.splice(this.waiting.indexOf(admit), 1);
        resolve(false);
      };
      res.once('close', gone);
      this.waiting.push(admit);
    });
  }
}
