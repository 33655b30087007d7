// The upload readers as the bundled hub runs them: the worker is bundled the way
// build-hub.ts bundles it, and real threads read real uploads.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { track } from '../testing/hub-fixture.ts';
import { readUpload } from './read-upload.ts';
import { createUploadReaders, type UploadReaders } from './upload-readers.ts';

const DEVICE = 'kiosk-read-0001';
let dir = '';
let workerFile: URL;

beforeAll(async () => {
  // Inside the repository, so the bundle finds its packages in node_modules as dist/hub does.
  const work = fileURLToPath(new URL('../../../test-results/', import.meta.url));
  await mkdir(work, { recursive: true });
  dir = await mkdtemp(path.join(work, 'upload-worker-'));
  await build({
    entryPoints: [fileURLToPath(new URL('./upload-worker.ts', import.meta.url))],
    outfile: path.join(dir, 'upload-worker.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  workerFile = pathToFileURL(path.join(dir, 'upload-worker.mjs'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function withReaders(threads: number, file: URL | null, use: (readers: UploadReaders) => Promise<void>): Promise<void> {
  const readers = createUploadReaders({ threads, workerFile: file });
  try {
    await use(readers);
  } finally {
    await readers.close();
  }
}

const gz = (value: unknown) => gzipSync(JSON.stringify(value));

describe('upload readers on worker threads', () => {
  it('read an upload exactly as the hub reads it inline: good events kept, bad and foreign ones rejected alone', async () => {
    const body = gz({ batch: [track(DEVICE, 1), { type: 'track', messageId: 'no-event' }, track('kiosk-other-0002', 2), track(DEVICE, 3)] });
    await withReaders(2, workerFile, async (readers) => {
      expect(readers.threads).toBe(2);
      const onWorker = await readers.read('gzip', body, DEVICE);
      expect(onWorker).toEqual(readUpload('gzip', body, DEVICE));
      expect(onWorker.ok && onWorker.verdicts.map((v) => v.kind)).toEqual(['accepted', 'rejected', 'rejected', 'accepted']);
      expect(onWorker.ok && onWorker.accepted.map((m) => m.seq)).toEqual([1, 3]);
    });
  });

  it('refuse a compression bomb, broken JSON and prototype poisoning with the answer the kiosk gets', async () => {
    await withReaders(1, workerFile, async (readers) => {
      const bomb = gzipSync(Buffer.alloc(5_000_000, 0x20));
      expect(await readers.read('gzip', bomb, DEVICE)).toMatchObject({ ok: false, status: 413, code: 'too-large' });
      expect(await readers.read(undefined, Buffer.from('{"batch":['), DEVICE)).toMatchObject({ ok: false, status: 400, code: 'bad-request' });
      expect(await readers.read(undefined, Buffer.from('{"batch":[],"__proto__":{"admin":true}}'), DEVICE)).toMatchObject({ ok: false, status: 400 });
      expect(await readers.read('br', Buffer.from('x'), DEVICE)).toMatchObject({ ok: false, status: 415, code: 'unsupported-encoding' });
      // Still reading after all that.
      expect(await readers.read(undefined, Buffer.from(JSON.stringify({ batch: [track(DEVICE, 9)] })), DEVICE)).toMatchObject({ ok: true });
    });
  });

  it('many uploads at once each get their own answer', async () => {
    await withReaders(2, workerFile, async (readers) => {
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => readers.read('gzip', gz({ batch: [track(DEVICE, i + 1)] }), DEVICE)));
      expect(answers.map((a) => a.ok && a.accepted[0]!.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });
  });

  it('a worker that dies fails only the uploads it held, and a new one reads the next', async () => {
    // A worker that dies when it is handed an upload from "kiosk-dies", and answers the rest with a refusal naming their kiosk.
    const dying = path.join(dir, 'dying-worker.mjs');
    await writeFile(
      dying,
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', (job) => {
         if (job.deviceId === 'kiosk-dies') process.exit(3);
         parentPort.postMessage({ id: job.id, result: { ok: false, status: 400, code: 'echo', message: job.deviceId } });
       });`,
    );
    await withReaders(1, pathToFileURL(dying), async (readers) => {
      const before = await readers.read(undefined, Buffer.from('{}'), 'kiosk-a');
      expect(before).toMatchObject({ ok: false, message: 'kiosk-a' });
      await expect(readers.read(undefined, Buffer.from('{}'), 'kiosk-dies')).rejects.toThrow(/upload reader stopped \(exit code 3\)/);
      await expect.poll(() => readers.read(undefined, Buffer.from('{}'), 'kiosk-b').then((r) => !r.ok && r.message), { timeout: 5_000 }).toBe('kiosk-b');
    });
  });

  it('read inline when there is no bundled worker (the hub run from its sources)', async () => {
    await withReaders(4, null, async (readers) => {
      expect(readers.threads).toBe(0);
      expect(await readers.read(undefined, Buffer.from(JSON.stringify({ batch: [track(DEVICE, 1)] })), DEVICE)).toMatchObject({ ok: true });
    });
  });
});
