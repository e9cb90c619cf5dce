import { describe, expect, it } from 'vitest';
import { readEnv } from '../../server/env';
import { configureLogger, logger } from '../../server/logger';

describe('readEnv: LOG_LEVEL', () => {
  it('is silent under tests and info otherwise when unset', () => {
    expect(readEnv({ NODE_ENV: 'test' }).logLevel).toBe('silent');
    expect(readEnv({ NODE_ENV: 'production' }).logLevel).toBe('info');
  });

  it('takes a pino level in any case and refuses anything else, naming the variable', () => {
    expect(readEnv({ LOG_LEVEL: 'Warn' }).logLevel).toBe('warn');
    expect(() => readEnv({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"/);
  });
});

describe('configureLogger', () => {
  it('sets the shared logger to the level the configuration read', () => {
    const before = logger.level;
    try {
      configureLogger(readEnv({ LOG_LEVEL: 'error' }));
      expect(logger.level).toBe('error');
    } finally {
      logger.level = before;
    }
  });
});
