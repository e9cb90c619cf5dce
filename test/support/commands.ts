import path from 'node:path';

/** The tsx binary, run directly: npx would add a second of start-up and not pass signals on. */
export const TSX = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
