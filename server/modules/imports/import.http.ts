import { Readable } from 'node:stream';
import busboy from 'busboy';
import { Router, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import type { DataVersionSource } from '../../data-version';
import { isDatabaseUnavailable } from '../../db/database-unavailable';
import { authenticate } from '../../http/authenticate';
import { logger } from '../../logger';
import { importCsv, SERVER_CHUNK, type ImportSummary } from './import-csv';
import { limitedBody, UploadTooLargeError } from './upload-limit';

/**
 * POST /api/imports, for staff and admins: a CSV file as the body (text/csv) or as the field "file"
 * of a multipart form, imported exactly as `npm run import` does. `?dryRun=true` checks without
 * storing. Answers the import summary as JSON: 200 when stored (or checked), 422 when rejected, 400
 * for a bad request, 401/403 without the right to import. With a session cookie the request must
 * carry the header `X-Requested-With` (a cross-site form cannot), with a bearer token it need not.
 * A body over `maxBytes` (IMPORT_MAX_BYTES) is answered 413 and nothing is stored: at once when its
 * Content-Length says so, else (chunked) when the bytes streamed in pass the limit. An import that
 * stored anything (its reports, or a rejected batch) makes its sender a writer, who reads the newest
 * figures and import list at once, as after a mutation.
 */
export function importRouter(dataSource: DataSource, secret: Uint8Array, maxBytes: number, versions: Pick<DataVersionSource, 'wrote'>): Router {
  const router = Router();
  // a database busy or down (also while authenticating) goes on to the app's 503 (server/http/service-unavailable.ts)
  router.post('/api/imports', async (req, res, next) => {
    const dryRun = req.query.dryRun === 'true' || req.query.dryRun === '1';
    const { user, via } = await authenticate(req, dataSource, secret);
    if (!user) return void res.status(401).json({ error: 'Please sign in' });
    if (user.role !== 'admin' && user.role !== 'staff') return void res.status(403).json({ error: 'Imports are for staff' });
    if (via === 'cookie' && !req.headers['x-requested-with']) {
      return void res.status(403).json({ error: 'Missing the X-Requested-With header (cross-site request refused)' });
    }
    if (Number(req.headers['content-length'] ?? 0) > maxBytes) return tooLarge(res, new UploadTooLargeError(maxBytes));
    try {
      const type = req.headers['content-type'] ?? '';
      const summary = type.startsWith('multipart/form-data')
        ? await importMultipart(dataSource, req, maxBytes, dryRun, user.id)
        : type.startsWith('text/csv') || type.startsWith('application/csv') || type.startsWith('text/plain')
          ? await importCsv(dataSource, limitedBody(req, maxBytes), {
              filename: String(req.query.filename ?? 'upload.csv').slice(0, 200),
              dryRun,
              createdBy: user.id,
              chunkRows: SERVER_CHUNK,
            })
          : undefined;
      if (!summary) return badRequest(res, 'Send the CSV file as text/csv, or as the field "file" of multipart/form-data');
      if (summary.status !== 'DRY_RUN') versions.wrote(user.id);
      res.status(summary.status === 'REJECTED' ? 422 : 200).json(summary);
    } catch (error) {
      if (error instanceof UploadError) return badRequest(res, error.message);
      if (error instanceof UploadTooLargeError) return tooLarge(res, error);
      if (isDatabaseUnavailable(error)) return next(error);
      logger.error({ err: error }, 'import upload failed');
      if (!res.headersSent) res.status(500).json({ error: 'The import failed; nothing was stored' });
    }
  });
  return router;
}

class UploadError extends Error {}

function badRequest(res: Response, message: string) {
  res.status(400).json({ error: message });
}

/** The rest of the body is not read: the connection closes after the answer. */
function tooLarge(res: Response, error: UploadTooLargeError) {
  res.setHeader('Connection', 'close');
  res.status(413).json({ error: error.message });
}

/** Streams the first file of a multipart form into the importer, without buffering it. */
function importMultipart(dataSource: DataSource, req: Request, maxBytes: number, dryRun: boolean, createdBy: number): Promise<ImportSummary> {
  return new Promise((resolve, reject) => {
    let form: busboy.Busboy;
    try {
      form = busboy({ headers: req.headers, limits: { files: 1, fields: 10 } });
    } catch (error) {
      return reject(new UploadError((error as Error).message));
    }
    let importing: Promise<ImportSummary> | undefined;
    form.on('file', (field, file: Readable, info) => {
      if (field !== 'file' || importing) return file.resume();
      // the import reads the file's error (readReportCsv) once it starts; until then this keeps it from being thrown
      file.on('error', () => undefined);
      importing = importCsv(dataSource, file, { filename: info.filename || 'upload.csv', dryRun, createdBy, chunkRows: SERVER_CHUNK });
      importing.then(resolve, reject);
    });
    form.on('error', (error) => {
      if (!(error instanceof UploadTooLargeError)) return reject(new UploadError((error as Error).message));
      // a file cut short fails its import with this error; one that had ended before the limit
      // was passed is imported whole: its import's outcome is the answer
      if (!importing) reject(error);
    });
    form.on('close', () => {
      if (!importing) reject(new UploadError('The form has no field "file"'));
    });
    const body = limitedBody(req, maxBytes);
    body.once('error', (error) => form.destroy(error));
    body.pipe(form);
  });
}
