import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export interface FileDigest {
  sha256: string;
  size: number;
}

export const sha256Bytes = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** SHA-256 and size of a file, read as a stream (any size, constant memory); `onBytes` hears each chunk's length. */
export async function hashFile(path: string, onBytes?: (bytes: number) => void): Promise<FileDigest> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
    onBytes?.((chunk as Buffer).length);
  }
  return { sha256: hash.digest('hex'), size };
}
