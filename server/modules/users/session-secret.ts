import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Env } from '../../env';

/**
 * The key that signs session cookies and script tokens. In production it must come from
 * SESSION_SECRET (at least 32 characters): starting without it is an error. Elsewhere a random key
 * is kept in DATA_DIR/session-secret, shared by the server and the commands, so sessions survive
 * restarts and `npm run users -- token` signs what the server accepts.
 */
export function sessionSecret(env: Pick<Env, 'sessionSecret' | 'nodeEnv' | 'dataDir'>): Uint8Array {
  if (env.sessionSecret) {
    if (env.sessionSecret.length < 32) throw new Error('SESSION_SECRET must have at least 32 characters');
    return new TextEncoder().encode(env.sessionSecret);
  }
  if (env.nodeEnv === 'production') {
    throw new Error('SESSION_SECRET is required in production (at least 32 random characters, e.g. `openssl rand -hex 32`)');
  }
  const file = path.join(env.dataDir, 'session-secret');
  try {
    return new TextEncoder().encode(readFileSync(file, 'utf8').trim());
  } catch {
    mkdirSync(env.dataDir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    writeFileSync(file, secret, { mode: 0o600 });
    return new TextEncoder().encode(secret);
  }
}
