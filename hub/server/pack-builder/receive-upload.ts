// An uploaded file (a product sheet, a picture) streamed to disk and counted on the way:
// never held in memory, refused with 413 as soon as it passes its limit.
import { rm } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeToFile } from '../../../content/lib/files/pipe-to-file.ts';
import { HttpError } from '../http/http-error.ts';

const MB = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;

export const uploadTooLarge = (what: string, limit: number) => new HttpError(413, 'too-large', `The ${what} is larger than the hub takes (${MB(limit)}): make it smaller and upload it again.`);

export async function saveUpload(body: Readable, target: string, o: { limit: number; declaredBytes: number | null; what: string }): Promise<number> {
  if (o.declaredBytes !== null && o.declaredBytes > o.limit) throw uploadTooLarge(o.what, o.limit);
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(bytes > o.limit ? uploadTooLarge(o.what, o.limit) : null, chunk);
    },
  });
  try {
    await pipeToFile(body, [meter], target, { flags: 'wx', mode: 0o600 });
  } catch (error) {
    await rm(target, { force: true });
    if (error instanceof HttpError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw new HttpError(507, 'disk-full', "The hub's pack folder is full: ask an administrator to free space and upload again.");
    throw new HttpError(400, 'upload-interrupted', `The ${o.what} did not arrive whole (the connection was cut): upload it again.`);
  }
  if (o.declaredBytes !== null && bytes !== o.declaredBytes) {
    await rm(target, { force: true });
    throw new HttpError(400, 'upload-interrupted', `The ${o.what} ended after ${bytes} of ${o.declaredBytes} bytes: upload it again.`);
  }
  return bytes;
}

/** Content-Length as a number, or null when the client did not say. */
export function declaredLength(header: string | undefined): number | null {
  const n = header === undefined ? NaN : Number(header);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}
