// Streams into a file and returns only once the file is closed, on success and on failure.
// `pipeline` alone rejects as soon as a source fails while a write is still in flight:
// the file then keeps growing after the caller has moved on (measured a .part file,
// removed a staging folder). Waiting for 'close' makes the file's size final.
import { createWriteStream } from 'node:fs';
import type { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface PipeToFileOptions {
  flags?: string;
  mode?: number;
}

export async function pipeToFile(source: NodeJS.ReadableStream, transforms: Transform[], target: string, options: PipeToFileOptions = {}): Promise<void> {
  const out = createWriteStream(target, { flags: options.flags ?? 'w', mode: options.mode ?? 0o644, flush: true });
  const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
  try {
    await pipeline([source, ...transforms, out]);
  } finally {
    await closed;
  }
}
