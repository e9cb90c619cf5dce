import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../server/db/embedded';
import { serveBatchesWhole } from '../../server/db/pglite-queue';

// The embedded database serves every connection in one PGlite session (server/db/pglite-queue.ts).

async function clients(url: string, n: number): Promise<pg.Client[]> {
  return Promise.all(Array.from({ length: n }, async () => {
    const client = new pg.Client(url);
    await client.connect();
    return client;
  }));
}

describe('the embedded database under several connections at once', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'w4r-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers each connection its own query, when statements with large parameters run side by side', async () => {
    const embedded = await startEmbeddedPostgres(dataDir);
    const connections = await clients(embedded.url, 4);
    // a parameter of 200 kB arrives in several reads of the socket: without whole batches, another
    // connection's Parse slipped in between and was bound (3 of 1,200 answers were another's rows)
    const padding = 'x'.repeat(200_000);
    const wrong: string[] = [];
    try {
      await Promise.all(connections.map(async (client, k) => {
        for (let i = 0; i < 300; i++) {
          const sql = k % 2
            ? `SELECT $1::int AS v, ${k} AS k, length($2::text) AS n`
            : `SELECT $1::int + 0 AS v, ${k} AS k, length($2::text) AS n`;
          const { rows } = await client.query(sql, [i * 10 + k, padding]);
          if (rows.length !== 1 || rows[0].v !== i * 10 + k || rows[0].k !== k || rows[0].n !== padding.length) {
            wrong.push(`connection ${k}, query ${i}: ${JSON.stringify(rows).slice(0, 80)}`);
          }
          // a simple query between two extended ones, as a transaction's BEGIN is
          if (i % 7 === 0) await client.query('SELECT 1');
        }
      }));
      expect(wrong).toEqual([]);
    } finally {
      await Promise.all(connections.map((c) => c.end()));
      await embedded.stop();
    }
  });

  it('goes on serving the others after a message fails inside PGlite', async () => {
    const db = await PGlite.create();
    // the one step replaced: PGlite failing once on a Parse (the library's queue then stayed busy for good)
    const run = db.execProtocolRawStream.bind(db);
    let failures = 1;
    db.execProtocolRawStream = (message, options) => {
      if (message[0] === 'P'.charCodeAt(0) && failures-- > 0) return Promise.reject(new Error('failed inside PGlite'));
      return run(message, options);
    };
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
    serveBatchesWhole(server);
    await server.start();
    const [first, second] = await clients(`postgres://postgres@${server.getServerConn()}/postgres`, 2);
    first.on('error', () => undefined); // its connection is closed by the failure
    try {
      await expect(first.query('SELECT $1::int AS v', [1])).rejects.toThrow();
      const answer = await Promise.race([
        second.query('SELECT $1::int AS v', [2]).then((r) => r.rows[0].v),
        new Promise((resolve) => setTimeout(() => resolve('no answer in 10 s'), 10_000)),
      ]);
      expect(answer).toBe(2);
    } finally {
      await Promise.all([first.end().catch(() => undefined), second.end()]);
      await server.stop();
      await db.close();
    }
  });
});
