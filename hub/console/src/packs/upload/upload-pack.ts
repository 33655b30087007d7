// Sends a .kpack to the hub as the raw file (POST /api/packs), with upload progress:
// XMLHttpRequest is the browser API that reports how much of a request body has gone.
// The answer is read with the route's own schemas: the pack kept, or the check report.
import type { z } from 'zod';
import { CSRF_HEADER } from '../../../../../content/schema/hub-api/console/auth.ts';
import { PackCheckFailure, uploadPackRoute } from '../../../../../content/schema/hub-api/console/packs.ts';
import { ApiErrorBody } from '../../../../../content/schema/hub-api/errors.ts';
import { pathOf } from '../../../../../content/schema/hub-api/route.ts';
import { ApiError } from '../../api/api-error.ts';

export type UploadAnswer = z.output<(typeof uploadPackRoute.responses)[200]>;
export type UploadOutcome = { ok: true; answer: UploadAnswer } | { ok: false; failure: PackCheckFailure };

export interface UploadProgress {
  sent: number;
  total: number;
}

export interface UploadRequest {
  file: Blob;
  csrfToken: string | null;
  onProgress(progress: UploadProgress): void;
  /** Every byte has gone: the hub is checking the pack now. */
  onSent(): void;
  signal?: AbortSignal;
}

/** Uploads one pack; rejects with an ApiError (status 0 and code `aborted` when cancelled). */
export type PackUploader = (request: UploadRequest) => Promise<UploadOutcome>;

/** What the uploader needs of XMLHttpRequest (a test gives a fake). */
export type XhrLike = Pick<XMLHttpRequest, 'open' | 'setRequestHeader' | 'send' | 'abort' | 'status' | 'responseText' | 'getResponseHeader' | 'addEventListener'> & {
  upload: Pick<XMLHttpRequestUpload, 'addEventListener'>;
};

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** What the hub's answer means: the pack, the report, or an error with the hub's sentence. */
export function readUploadAnswer(status: number, text: string, retryAfter: string | null): UploadOutcome {
  const json = parseJson(text);
  if (status === 200) {
    const parsed = uploadPackRoute.responses[200].safeParse(json);
    if (parsed.success) return { ok: true, answer: parsed.data };
    throw new ApiError(status, null, { code: 'bad-answer', message: 'POST /api/packs answered 200 with a body the contract does not allow' });
  }
  if (status === 422) {
    const parsed = PackCheckFailure.safeParse(json);
    if (parsed.success) return { ok: false, failure: parsed.data };
  }
  const body = ApiErrorBody.safeParse(json);
  throw new ApiError(
    status,
    body.success ? body.data : null,
    { code: 'http', message: `POST /api/packs answered ${status}` },
    retryAfter && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) : null,
    json,
  );
}

export function createXhrUploader(makeXhr: () => XhrLike = () => new XMLHttpRequest()): PackUploader {
  return ({ file, csrfToken, onProgress, onSent, signal }) =>
    new Promise<UploadOutcome>((resolve, reject) => {
      const xhr = makeXhr();
      const total = file.size;
      xhr.open('POST', pathOf(uploadPackRoute));
      xhr.setRequestHeader('content-type', 'application/octet-stream');
      xhr.setRequestHeader('accept', 'application/json');
      if (csrfToken) xhr.setRequestHeader(CSRF_HEADER, csrfToken);
      xhr.upload.addEventListener('progress', (e) => onProgress({ sent: e.loaded, total: e.lengthComputable ? e.total : total }));
      xhr.upload.addEventListener('load', () => {
        onProgress({ sent: total, total });
        onSent();
      });
      xhr.addEventListener('load', () => {
        try {
          resolve(readUploadAnswer(xhr.status, xhr.responseText, xhr.getResponseHeader('retry-after')));
        } catch (err) {
          reject(err);
        }
      });
      xhr.addEventListener('error', () => reject(new ApiError(0, null, { code: 'network', message: 'the upload could not reach the hub' })));
      xhr.addEventListener('abort', () => reject(new ApiError(0, null, { code: 'network', message: 'upload cancelled' }, null, 'aborted')));
      signal?.addEventListener('abort', () => xhr.abort(), { once: true });
      if (signal?.aborted) return void xhr.abort();
      xhr.send(file);
    });
}

/** Cancelled by the person uploading (not a failure to report). */
export function isCancelled(err: unknown): boolean {
  return err instanceof ApiError && err.status === 0 && err.answer === 'aborted';
}
