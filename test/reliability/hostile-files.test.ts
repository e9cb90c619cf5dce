import { random } from '../../seeds/generate-reports';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv, type ImportSummary } from '../../server/modules/imports/import-csv';
import { REPORT_COLUMNS } from '../../server/modules/reports/report-fields';
import { ROLLUP_TABLES } from '../../server/modules/rollups/rollup-tables';
import { verifyRollups } from '../../server/modules/rollups/verify-rollups';
import { csvRow, csvText, type CsvRow } from '../support/csv';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { campaign, givenCampaigns } from '../support/fixtures';

/**
 * Design §7: "Malformed CSV …: clear errors, nothing stored half-way, server up." Hostile files go
 * through importCsv as streams made on the fly, cut at random places (seeded, so a failure can be
 * replayed with the same FUZZ_SEED): each must end REJECTED with a clear error and nothing stored
 * (the one valid file, with mixed line endings, COMMITTED whole), without the process's memory
 * growing by more than ~300 MB, however large the file.
 */

const SEED = Number(process.env.FUZZ_SEED || 20241210);
const MAX_RSS_GROWTH = 300 * 2 ** 20;
const HEADER = REPORT_COLUMNS.join(',');

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await givenCampaigns(db.dataSource, campaign(2024));
});
afterAll(() => db?.drop());

/** A deterministic generator (mulberry32, shared with the demo data), so a failure can be replayed. */
const rng = random;

/**
 * A stream of `parts` (each a string, a Buffer, or a function making one, called only when read), re-cut
 * into pieces of random sizes from 1 byte to 256 KB: a multi-byte character, a CRLF or a quote may be
 * split between two pieces. Nothing is held in memory but the piece being read.
 */
function stream(random: () => number, parts: Iterable<string | Buffer | (() => string | Buffer)>): Readable {
  function* pieces() {
    let pending = Buffer.alloc(0);
    for (const part of parts) {
      const value = typeof part === 'function' ? part() : part;
      pending = Buffer.concat([pending, typeof value === 'string' ? Buffer.from(value, 'utf8') : value]);
      while (pending.length >= 256 * 1024) {
        const size = 1 + Math.floor(random() ** 3 * 256 * 1024);
        yield pending.subarray(0, size);
        pending = pending.subarray(size);
      }
    }
    while (pending.length) {
      const size = 1 + Math.floor(random() ** 3 * 256 * 1024);
      yield pending.subarray(0, size);
      pending = pending.subarray(size);
    }
  }
  return Readable.from(pieces(), { objectMode: false });
}

function* repeat<T>(n: number, make: (i: number) => T): Generator<T> {
  for (let i = 0; i < n; i++) yield make(i);
}

let serial = 0;
const line = (overrides: CsvRow = {}) => csvText([csvRow({ report_id: `H-${++serial}`, ...overrides })]).split('\n')[1];

/**
 * Everything an import stores but the record of a rejected import (which bumps the data version:
 * the list of imports changed).
 */
async function storedState(ds: DataSource) {
  const [r] = await ds.query(
    `SELECT (SELECT count(*)::int FROM letter_report) AS reports, (SELECT count(*)::int FROM writing_group) AS groups,
            (SELECT count(*)::int FROM import_batch WHERE status <> 'REJECTED') AS batches,
            (SELECT count(*)::int FROM audit_log) AS audit`,
  );
  for (const t of ROLLUP_TABLES) r[t.name] = (await ds.query(`SELECT count(*)::int AS n FROM ${t.name}`))[0].n;
  return r;
}

interface Measured {
  summary: ImportSummary;
  ms: number;
  rssGrowth: number;
}

/** Imports the stream, sampling the process's RSS every 10 ms; the growth is the peak over the start. */
async function measured(input: Readable, filename: string): Promise<Measured> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  try {
    const summary = await importCsv(db.dataSource, input, { filename });
    peak = Math.max(peak, process.memoryUsage().rss);
    return { summary, ms: Math.round(performance.now() - started), rssGrowth: peak - start };
  } finally {
    clearInterval(sampler);
  }
}

const MB = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;

interface HostileCase {
  name: string;
  /** Bytes of the file, for the log. */
  make: (random: () => number) => { input: Readable; bytes: number };
  /** What the first error must say ("column: reason"). */
  error: RegExp;
  line?: number;
}

const CASES: HostileCase[] = [
  {
    name: 'random bytes (16 MB)',
    make: (random) => ({
      input: stream(random, repeat(256, () => () => Buffer.from(Array.from({ length: 65536 }, () => Math.floor(random() * 256))))),
      bytes: 16 * 2 ** 20,
    }),
    error: /not UTF-8|NUL bytes|header/,
  },
  {
    name: 'random printable text with commas, quotes and line breaks (8 MB)',
    make: (random) => {
      const alphabet = 'ab,,"\n\r 1;\t';
      return {
        input: stream(random, [HEADER, '\n', ...repeat(128, () => () => Array.from({ length: 65536 }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''))]),
        bytes: 8 * 2 ** 20,
      };
    },
    error: /quote|fields; the header has|longer than/,
  },
  {
    name: 'truncated lines: 100,000 rows, each cut at a random place',
    make: (random) => ({
      input: stream(random, [HEADER, '\n', ...repeat(100_000, () => () => {
        const l = line();
        return `${l.slice(0, 1 + Math.floor(random() * (l.length - 1)))}\n`;
      })]),
      bytes: 100_000 * 70,
    }),
    error: /fields; the header has 13/,
  },
  {
    name: 'a file cut in the middle of its last row',
    make: (random) => ({ input: stream(random, [HEADER, '\n', ...repeat(10_000, () => `${line()}\n`), line().slice(0, 40)]), bytes: 10_000 * 140 }),
    error: /fields; the header has 13/,
    line: 10_002,
  },
  {
    name: 'overlong lines: 32 rows with a 1 MB field',
    make: (random) => ({
      input: stream(random, [HEADER, '\n', ...repeat(32, () => () => `${line({ group_name: 'x'.repeat(2 ** 20) })}\n`)]),
      bytes: 32 * 2 ** 20,
    }),
    error: /longer than/,
    line: 2,
  },
  {
    name: 'one 256 MB line without a line break',
    make: (random) => ({ input: stream(random, [HEADER, '\n', 'H-1,2024,ana-ruiz,', ...repeat(256, () => () => 'y'.repeat(2 ** 20))]), bytes: 256 * 2 ** 20 }),
    error: /the row is longer than 2,000,000 characters/,
    line: 2,
  },
  {
    name: 'a quote left open before 128 MB of rows',
    make: (random) => ({
      input: stream(random, [HEADER, '\n', `${line()}\n`, `"H-open,2024,ana-ruiz\n`, ...repeat(900_000, () => `${line()}\n`)]),
      bytes: 128 * 2 ** 20,
    }),
    error: /quoted field is never closed/,
    line: 3,
  },
  {
    name: 'a BOM in the middle: two exports pasted together',
    make: (random) => ({
      input: stream(random, ['\uFEFF', HEADER, '\n', ...repeat(1000, () => `${line()}\n`), '\uFEFF', HEADER, '\n', ...repeat(1000, () => `${line()}\n`)]),
      bytes: 2000 * 140,
    }),
    error: /report_id|year/,
    line: 1002,
  },
  {
    name: 'the header repeated on every other line',
    make: (random) => ({ input: stream(random, [HEADER, '\n', ...repeat(50_000, () => `${line()}\n${HEADER}\n`)]), bytes: 50_000 * 260 }),
    error: /year|count/,
    line: 3,
  },
  {
    name: 'Latin-1 text (a group named Zürich)',
    make: (random) => ({
      input: stream(random, [HEADER, '\n', ...repeat(5000, () => `${line()}\n`), Buffer.from(`${line({ group_name: 'Amnesty Zürich' })}\n`, 'latin1')]),
      bytes: 5000 * 140,
    }),
    error: /not UTF-8/,
  },
  {
    name: 'UTF-16LE text with its BOM',
    make: (random) => {
      const text = `\uFEFF${HEADER}\r\n${Array.from({ length: 5000 }, () => line()).join('\r\n')}\r\n`;
      return { input: stream(random, [Buffer.from(text, 'utf16le')]), bytes: text.length * 2 };
    },
    error: /not UTF-8|NUL bytes/,
  },
  {
    name: 'UTF-16BE text without a BOM',
    make: (random) => {
      const le = Buffer.from(`${HEADER}\n${Array.from({ length: 5000 }, () => line()).join('\n')}\n`, 'utf16le');
      return { input: stream(random, [Buffer.from(le).swap16()]), bytes: le.length };
    },
    error: /NUL bytes|not UTF-8/,
  },
  {
    name: '1,000,000 columns in the header',
    make: (random) => ({ input: stream(random, [Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(','), '\n', `${line()}\n`]), bytes: 6_888_890 }),
    error: /the header has 1000000 columns|the row is longer than/,
    line: 1,
  },
  {
    name: '100,000 empty lines',
    make: (random) => ({ input: stream(random, ['\n'.repeat(40_000), '\r\n'.repeat(30_000), '\r'.repeat(30_000)]), bytes: 130_000 }),
    error: /no header row/,
  },
];

describe(`hostile files through importCsv (seed ${SEED})`, () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s: REJECTED with a clear error, nothing stored, memory bounded', async (_name, c, i) => {
    const before = await storedState(db.dataSource);
    const { input, bytes } = c.make(rng(SEED + i));
    const { summary, ms, rssGrowth } = await measured(input, `hostile-${i}.csv`);
    const first = summary.errors[0];
    console.log(
      `hostile-files: ${c.name} (~${MB(bytes)}): ${summary.status} in ${ms} ms, RSS +${MB(rssGrowth)}; ` +
        `${summary.errorCount} problem(s), first: ${first ? `line ${first.line}, ${first.column}: ${first.reason.slice(0, 110)}` : 'none'}`,
    );
    expect(summary.status).toBe('REJECTED');
    expect(summary.imported).toBe(0);
    expect(summary.errorCount).toBeGreaterThan(0);
    expect(`${first.column}: ${first.reason}`).toMatch(c.error);
    expect(first.reason.length).toBeLessThan(400); // a clear error, not a dump of the file
    if (c.line !== undefined) expect(first.line).toBe(c.line);
    expect(await storedState(db.dataSource)).toEqual(before);
    // the refusal is recorded, with its errors
    const [batch] = await db.dataSource.query(`SELECT status, errors FROM import_batch WHERE id = $1`, [summary.batchId]);
    expect(batch.status).toBe('REJECTED');
    expect(batch.errors[0].reason).toBe(first.reason);
    expect(rssGrowth).toBeLessThan(MAX_RSS_GROWTH);
  }, 120_000);

  it('mixed CRLF, LF and CR line endings (and a leading BOM), cut anywhere: COMMITTED, every row once', async () => {
    const random = rng(SEED + 1000);
    const endings = ['\r\n', '\n', '\r'];
    const rows: CsvRow[] = Array.from({ length: 30_000 }, (_, i) =>
      csvRow({ report_id: `MIX-${i}`, count: 1 + (i % 97), group_name: i % 10 ? 'Amnesty Berlin Mitte' : 'Amnesty Berlin "Mitte", Süd' }),
    );
    const body = ['\uFEFF', HEADER, '\r\n', ...rows.map((r) => `${csvText([r]).split('\n')[1]}${endings[Math.floor(random() * 3)]}`)];
    const before = await storedState(db.dataSource);
    const { summary, ms, rssGrowth } = await measured(stream(random, body), 'mixed-endings.csv');
    console.log(`hostile-files: mixed line endings (30,000 rows): ${summary.status} in ${ms} ms, RSS +${MB(rssGrowth)}`);
    expect(summary).toMatchObject({ status: 'COMMITTED', read: rows.length, imported: rows.length, duplicates: 0, errorCount: 0 });
    const [stored] = await db.dataSource.query(
      `SELECT count(*)::int AS reports, count(DISTINCT report_id)::int AS ids, sum(count)::int AS actions,
              count(*) FILTER (WHERE report_id ~ '[\\r\\n]')::int AS with_line_breaks
       FROM letter_report WHERE report_id LIKE 'MIX-%'`,
    );
    expect(stored).toEqual({
      reports: rows.length, ids: rows.length, actions: rows.reduce((s, r) => s + Number(r.count), 0), with_line_breaks: 0,
    });
    const [group] = await db.dataSource.query(`SELECT name FROM writing_group WHERE ref = 'DE-BER-01'`);
    expect(group.name).toMatch(/^Amnesty Berlin/);
    expect((await storedState(db.dataSource)).reports).toBe(before.reports + rows.length);
    expect(await verifyRollups(db.dataSource)).toEqual([]);
    expect(rssGrowth).toBeLessThan(MAX_RSS_GROWTH);
  }, 120_000);
});
