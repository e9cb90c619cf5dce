import { readEnv } from '../../server/env';
import { configureLogger } from '../../server/logger';

// Test files import the app, not server/index.ts: configure the logger as the entry points do.
configureLogger(readEnv());
