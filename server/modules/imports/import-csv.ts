import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { audit } from '../audit/audit';
import { bumpDataVersion } from '../../data-version';
import { ReportIngest, MAX_LISTED_ERRORS, type IngestResult, type RowError } from '../reports/ingest';
import { parseReport } from '../reports/report-fields';
import type { ReportRow } from '../reports/report-row';
import { CsvFileError, readReportCsv } from './csv-reader';

export interface ImportOptions {
  filename: string;
  dryRun?: boolean;
  createdBy?: number | null;
  /** Called now and then with the bytes and rows read so far. */
  onProgress?: (progress: { bytes: number; rows: number }) => void;
  /** Staged rows stored at a time while the file is still being read (see ReportIngest.pipelined). */
  storeEvery?: number;
  /**
   * Rows validated, then encoded and staged, at a time (default 50,000). Encoding is one
   * uninterrupted turn of the event loop, about 3 µs a row: an import inside the server, which
   * answers the dashboard meanwhile, passes SERVER_CHUNK.
   */
  chunkRows?: number;
}

export interface ImportSummary extends Omit<IngestResult, 'ids'> {
  batchId: number | null;
  status: 'COMMITTED' | 'REJECTED' | 'DRY_RUN';
  seconds: number;
  rowsPerSecond: number;
  /** Milliseconds by step: reading the file (overlapping staging), then each database step. */
  timings: Record<string, number>;
}

const CHUNK = 50_000;
/** Rows at a time for an import inside the server: a turn of about 15 ms instead of 150–300 ms. */
export const SERVER_CHUNK = 5_000;
/** Rows stored at a time while the rest of the file is read: the database inserts one part while Node parses the next. */
const STORE_EVERY = 250_000;
/** Rows parsed between two turns of the event loop. */
const YIELD_EVERY = 1000;
/** Rows parsed ahead of the database at most (about 50 MB of text). */
const AHEAD_ROWS = 300_000;

/**
 * Imports a CSV file of letter reports in one transaction: every row is checked, and on any
 * rejected row (or a broken file) nothing is stored. A rejected import is still recorded, with its
 * errors, as a REJECTED batch. A dry run checks everything and stores nothing.
 */
export async function importCsv(dataSource: DataSource, input: Readable, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const chunk = options.chunkRows ?? CHUNK;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let result: IngestResult;
  let batchId: number | null = null;
  const timings: Record<string, number> = {};
  try {
    await runner.startTransaction();
    [{ id: batchId }] = await runner.query(
      `INSERT INTO import_batch (filename, created_by) VALUES ($1, $2) RETURNING id`,
      [options.filename, options.createdBy ?? null],
    );
    const ingest = new ReportIngest(runner.manager, { source: 'IMPORT', batchId, createdBy: options.createdBy });
    await ingest.begin();
    await ingest.pipelined(options.storeEvery ?? STORE_EVERY);
    const rowErrors = { errors: [] as RowError[], count: 0, rows: 0 };
    const pending: { line: number; row: ReportRow }[] = [];
    const inFlight: Promise<void>[] = [];
    let bytes = 0;
    let rows = 0;
    try {
      for await (const records of readReportCsv(input, (n) => (bytes = n))) {
        for (const [i, record] of records.entries()) {
          // let the database client hear an answer and send the next queued statement: else the
          // database would wait idle until this chunk of the file is parsed
          if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise(setImmediate);
          const parsed = 'error' in record ? { errors: [record.error] } : parseReport(record.raw);
          if (parsed.errors) {
            rowErrors.rows++;
            rowErrors.count += parsed.errors.length;
            for (const e of parsed.errors) {
              if (rowErrors.errors.length < MAX_LISTED_ERRORS) rowErrors.errors.push({ ...e, line: record.line });
            }
          } else {
            // staged even after a rejected row, so the database checks report every error of the file
            pending.push({ line: record.line, row: parsed.row });
          }
        }
        rows += records.length;
        if (rowErrors.count > 0) ingest.halt(); // the file will be refused: stage the rest to check it, store nothing more
        while (pending.length >= chunk) {
          // the database stages (and stores) earlier chunks while we parse the next: two cores, both
          // busy. Up to AHEAD_ROWS rows wait as text, so parsing goes on while a part is stored.
          // Exactly `chunk` rows: a batch of the parser would otherwise make the turn longer.
          const staged = ingest.add(pending.splice(0, chunk));
          staged.catch(() => undefined); // awaited in turn; no unhandled rejection meanwhile
          inFlight.push(staged);
          while (inFlight.length * chunk > AHEAD_ROWS) await inFlight.shift();
        }
        options.onProgress?.({ bytes, rows });
      }
    } catch (error) {
      if (!(error instanceof CsvFileError)) throw error;
      rowErrors.errors = [{ line: error.line, column: '(file)', reason: error.reason }];
      rowErrors.count = 1;
      rowErrors.rows = Math.max(rowErrors.rows, 1);
    }
    options.onProgress?.({ bytes, rows });
    timings.read = Math.round(performance.now() - started);
    for (const staged of inFlight) await staged;
    await ingest.add(pending);
    result = await ingest.finish(rowErrors);
    result.read = rows;
    Object.assign(timings, ingest.timings);

    if (result.errorCount > 0 || options.dryRun) {
      await runner.rollbackTransaction();
    } else {
      await runner.query(
        `UPDATE import_batch SET status = 'COMMITTED', finished_at = now(), rows_read = $2, rows_imported = $3,
           rows_duplicate = $4, rows_rejected = 0 WHERE id = $1`,
        [batchId, result.read, result.imported, result.duplicates],
      );
      // the list of imports changed, even when every row was a duplicate. The figures changed only in
      // the years and areas of the rows stored, which the ingest's own bump named: past years and
      // other areas stay cached. Nothing stored: groups may still have changed, so everything goes.
      await bumpDataVersion(runner.manager, result.imported > 0 ? [] : undefined);
      await audit(runner.manager, options.createdBy ?? null, 'import', options.filename, {
        batchId,
        read: result.read,
        imported: result.imported,
        duplicates: result.duplicates,
      });
      const committing = performance.now();
      await runner.commitTransaction();
      timings.commit = Math.round(performance.now() - committing);
    }
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }

  let status: ImportSummary['status'] = 'COMMITTED';
  if (options.dryRun) {
    status = 'DRY_RUN';
    batchId = null;
  } else if (result.errorCount > 0) {
    status = 'REJECTED';
    batchId = await recordRejectedImport(dataSource, options, result);
  }
  const seconds = (performance.now() - started) / 1000;
  const { ids: _ids, ...counts } = result;
  return { ...counts, batchId, status, seconds, rowsPerSecond: Math.round(result.read / Math.max(seconds, 0.001)), timings };
}

/** The rolled-back import is recorded with its errors, so staff can see what was refused and why. */
async function recordRejectedImport(dataSource: DataSource, options: ImportOptions, result: IngestResult): Promise<number> {
  return dataSource.transaction(async (m) => {
    const [{ id }] = await m.query(
      `INSERT INTO import_batch (filename, created_by, finished_at, status, rows_read, rows_imported, rows_duplicate,
         rows_rejected, errors)
       VALUES ($1, $2, now(), 'REJECTED', $3, 0, 0, $4, $5) RETURNING id`,
      [options.filename, options.createdBy ?? null, result.read, result.rejected, JSON.stringify(result.errors)],
    );
    await bumpDataVersion(m, []); // the list of imports changed; the import stored nothing
    return id as number;
  });
}
