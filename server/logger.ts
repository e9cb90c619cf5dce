import { pino } from 'pino';
import type { Env } from './env';

// Structured JSON logs. Secrets never reach a log line: redact the usual carriers.
export const logger = pino({
  level: 'info',
  redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'],
});

/** Sets the level from the configuration: each entry point calls this once with what env.ts read. */
export function configureLogger({ logLevel }: Pick<Env, 'logLevel'>): void {
  logger.level = logLevel;
}
