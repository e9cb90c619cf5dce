import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * pglite-socket (0.2.17, unchanged in 0.2.18) serves every connection in one PGlite session through
 * one queue of protocol messages, with two defects (electric-sql/pglite#1046, open upstream):
 * - it keeps one connection's messages together only inside a BEGIN ... COMMIT, so the messages of
 *   an extended-protocol batch (Parse, Bind, Describe, Execute, Sync) of two connections interleave:
 *   one binds the other's unnamed statement, and fails with "unnamed prepared statement does not
 *   exist" or, worse, is answered with the other query's rows. A batch whose parameters span several
 *   TCP reads (an import's staged rows) gives the others time to slip in: seen under `npm start`
 *   with uploads, dashboards and the demo's trickle at once;
 * - a message that throws leaves the queue marked busy, and every later query waits forever.
 * serveBatchesWhole replaces the server's queue processing with one that serves a connection until
 * its batch ends (Sync, or a simple Query) as well as through its transactions, and goes on after a
 * message that throws. It reaches into the library's private queue, so the version is pinned and
 * test/db/embedded-connections.test.ts fails if the queue's shape changes.
 */

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(error: unknown): void;
  onData(data: Uint8Array): void;
}

/** The private fields of pglite-socket's QueryQueueManager this relies on. */
interface QueryQueue {
  queue: QueuedMessage[];
  processing: boolean;
  db: PGlite;
  lastHandlerId: number | null;
  processQueue(): Promise<void>;
  clearQueueForHandler(handlerId: number): void;
}

/** Frontend messages that leave an extended-protocol batch open: Parse, Bind, Describe, Execute, Close, Flush. */
const BATCH_MESSAGES = new Set([...'PBDECH'].map((c) => c.charCodeAt(0)));

export function serveBatchesWhole(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  if (!queue || !Array.isArray(queue.queue) || typeof queue.processQueue !== 'function' || typeof queue.clearQueueForHandler !== 'function') {
    throw new Error('pglite-socket changed its query queue: review server/db/pglite-queue.ts');
  }
  /** The connection whose batch is open: only its messages are served until the batch ends. */
  let batchOf: number | null = null;

  queue.processQueue = async function processQueue(this: QueryQueue): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = batchOf ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const next = owner === null ? 0 : this.queue.findIndex((m) => m.handlerId === owner);
        if (next === -1) break; // the owner's next message has not arrived yet: its enqueue starts us again
        const [item] = this.queue.splice(next, 1);
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
          item.resolve(bytes);
        } catch (error) {
          item.reject(error);
        }
        this.lastHandlerId = item.handlerId;
        batchOf = BATCH_MESSAGES.has(item.message[0]) ? item.handlerId : null;
      }
    } finally {
      this.processing = false;
    }
  };

  // a connection closed in the middle of its batch must not hold the others back
  const clearQueueForHandler = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId: number) => {
    clearQueueForHandler(handlerId);
    if (batchOf === handlerId) {
      batchOf = null;
      void queue.processQueue();
    }
  };
}
