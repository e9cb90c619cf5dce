import { readImportAnswer, type ImportAnswer } from './import-file';

export interface UploadHandlers {
  /** Bytes of the file sent so far, and of the whole request. */
  onProgress: (loaded: number, total: number) => void;
  /** The whole file is sent; the server is still reading and checking it. */
  onSent: () => void;
}

export interface Upload {
  answer: Promise<ImportAnswer>;
  cancel: () => void;
}

/** The upload was cancelled, or the connection failed: no answer from the server. */
export class UploadFailed extends Error {
  constructor(readonly reason: 'cancelled' | 'network') {
    super(reason);
  }
}

/**
 * Sends a CSV file to POST /api/imports as the request body. XMLHttpRequest rather than fetch:
 * only it reports upload progress. The session cookie goes with it (same origin), and the
 * X-Requested-With header shows the server it is not a cross-site form.
 */
export function uploadCsv(file: File, dryRun: boolean, handlers: UploadHandlers): Upload {
  const xhr = new XMLHttpRequest();
  const answer = new Promise<ImportAnswer>((resolve, reject) => {
    const params = new URLSearchParams({ filename: file.name });
    if (dryRun) params.set('dryRun', 'true');
    xhr.open('POST', `/api/imports?${params}`);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.upload.onprogress = (event) => handlers.onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.upload.onload = () => {
      handlers.onProgress(file.size, file.size);
      handlers.onSent();
    };
    xhr.onload = () => resolve(readImportAnswer(xhr.status, xhr.responseText));
    xhr.onerror = () => reject(new UploadFailed('network'));
    xhr.onabort = () => reject(new UploadFailed('cancelled'));
    xhr.send(file);
  });
  return { answer, cancel: () => xhr.abort() };
}
