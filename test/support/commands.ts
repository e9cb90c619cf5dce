import { createServer } from 'node:net';
import path from 'node:path';

/** The tsx binary, run directly: npx would add a second of start-up and not pass signals on. */
export const TSX = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');

/** A loopback port nobody listens on now, for a server process a test or the benchmark starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
