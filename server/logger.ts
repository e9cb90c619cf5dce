import { pino } from 'pino';
import { readEnv } from './env';

// Structured JSON logs. Secrets never reach a log line: redact the usual carriers.
export const logger = pino({
  // the level as env.ts reads it: LOG_LEVEL, else silent under tests and info otherwise
  level: readEnv().logLevel,
  redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'],
});
