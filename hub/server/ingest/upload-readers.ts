// Where uploads are read: on worker threads when the hub runs from its bundle (the
// worker is built beside it as upload-worker.mjs), inline otherwise (from the sources,
// in tests; or with HUB_UPLOAD_THREADS=0). Each upload goes to the worker with the
// fewest waiting. A worker that dies fails only the uploads it held — their kiosks send
// them again — and a new one takes its place.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { unpackUpload } from './packed-upload.ts';
import { readUpload, type ReadUpload } from './read-upload.ts';
import type { UploadJob, UploadJobDone } from './upload-job.ts';

export interface UploadReaders {
  read(encoding: string | undefined, body: Uint8Array, deviceId: string): Promise<ReadUpload>;
  /** Worker threads reading (0: inline). */
  readonly threads: number;
  close(): Promise<void>;
}

/** The bundled worker beside the bundled hub; null when the hub runs from its sources. */
export function bundledUploadWorker(): URL | null {
  const url = new URL('./upload-worker.mjs', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
}

/** One thread per core but the main thread's, at least one, at most four. */
export const defaultUploadThreads = () => Math.min(4, Math.max(1, availableParallelism() - 1));

interface Reader {
  worker: Worker;
  waiting: Map<number, { resolve: (r: ReadUpload) => void; reject: (err: Error) => void }>;
}

export function createUploadReaders(options: { threads: number; workerFile: URL | null }): UploadReaders {
  const { workerFile } = options;
  if (options.threads <= 0 || !workerFile) {
    return { read: async (encoding, body, deviceId) => readUpload(encoding, body, deviceId), threads: 0, close: async () => {} };
  }
  let nextId = 0;
  let closing = false;
  const readers: Reader[] = [];

  function start(slot: number): void {
    const reader: Reader = { worker: new Worker(workerFile!), waiting: new Map() };
    readers[slot] = reader;
    reader.worker.on('message', (done: UploadJobDone) => {
      const job = reader.waiting.get(done.id);
      if (!job) return;
      reader.waiting.delete(done.id);
      if ('error' in done) job.reject(new Error(`reading an upload failed: ${done.error}`));
      else job.resolve(unpackUpload(done.result));
    });
    const stopped = (why: string) => {
      for (const job of reader.waiting.values()) job.reject(new Error(`the upload reader stopped (${why})`));
      reader.waiting.clear();
      if (!closing && readers[slot] === reader) start(slot);
    };
    reader.worker.on('error', (err) => stopped(err.message));
    reader.worker.on('exit', (code) => stopped(`exit code ${code}`));
  }
  for (let i = 0; i < options.threads; i++) start(i);

  return {
    threads: options.threads,
    read(encoding, body, deviceId) {
      if (closing) return Promise.reject(new Error('the hub is stopping'));
      const reader = readers.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
      const id = nextId++;
      // A copy of its own to hand over: the request's buffer may share memory with others.
      const own = new Uint8Array(body);
      return new Promise<ReadUpload>((resolve, reject) => {
        reader.waiting.set(id, { resolve, reject });
        reader.worker.postMessage({ id, encoding, body: own, deviceId } satisfies UploadJob, [own.buffer]);
      });
    },
    async close() {
      closing = true;
      await Promise.all(readers.map((r) => r.worker.terminate()));
    },
  };
}
