import { Readable } from 'node:stream';

/** An upload went over IMPORT_MAX_BYTES while it streamed in. */
export class UploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The upload is larger than the limit of ${maxBytes} bytes (IMPORT_MAX_BYTES); split the file`);
  }
}

/**
 * The request body as its reader takes it, failing with UploadTooLargeError once more than
 * `maxBytes` have come: a chunked upload declares no Content-Length to refuse it by. Read only as
 * fast as the reader reads (no error before anyone listens), and the request is left open when the
 * limit is passed, so the answer can still be sent on its connection.
 */
export function limitedBody(body: Readable, maxBytes: number): Readable {
  return Readable.from(
    (async function* () {
      let seen = 0;
      for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
        seen += chunk.length;
        if (seen > maxBytes) throw new UploadTooLargeError(maxBytes);
        yield chunk;
      }
    })(),
    { objectMode: false },
  );
}
