import { percentiles, type Latency } from './query-bench';

export type Spread = (Latency & { max: number }) | null;

/** p50/p95/p99, mean and max of `ms` (milliseconds, rounded to 0.01); null without a sample. */
export function spread(ms: number[]): Spread {
  if (ms.length === 0) return null;
  return { ...percentiles(ms), max: Math.round(Math.max(...ms) * 100) / 100 };
}

/** Errors of one kind of request: how many, and the first few different messages. */
export class ErrorLog {
  count = 0;
  readonly first: string[] = [];

  add(error: unknown): void {
    this.count++;
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    const text = `${error instanceof Error ? error.message : String(error)}${cause}`;
    // a GraphQL error as status, code and message: the same error at another place is the same
    const graphql = /^(\d{3}) .*?"message":"([^"]*)".*?"code":"([^"]*)"/.exec(text);
    const message = (graphql ? `${graphql[1]} ${graphql[3]}: ${graphql[2]}` : text).slice(0, 300);
    if (this.first.length < 5 && !this.first.includes(message)) this.first.push(message);
  }

  toJSON() {
    return { count: this.count, first: this.first };
  }
}
