import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRange, resolveInsideRoot, respondWithFile } from './file-responder.ts';

let dir: string;
let root: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-files-'));
  root = path.join(dir, 'pack');
  await fs.mkdir(path.join(root, 'media'), { recursive: true });
  await fs.writeFile(path.join(root, 'media', 'logo.png'), Buffer.from('0123456789'));
  await fs.writeFile(path.join(dir, 'secret.txt'), 'do not serve');
  await fs.symlink(path.join(dir, 'secret.txt'), path.join(root, 'media', 'escape.png'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function text(body: ReadableStream<Uint8Array> | Uint8Array | null) {
  return body ? Buffer.from(await new Response(body).arrayBuffer()).toString() : '';
}

describe('serving files from a root', () => {
  it('serves a file with its type', async () => {
    const r = await respondWithFile(root, '/media/logo.png', { method: 'GET', range: null });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('image/png');
    expect(await text(r.body)).toBe('0123456789');
  });

  it('refuses paths that leave the root, however they are spelled', async () => {
    for (const p of ['/../secret.txt', '/media/../../secret.txt', '/%2e%2e/secret.txt', '/media/%2E%2E%2F..%2Fsecret.txt', '/media/escape.png', '/media\\..\\..\\secret.txt', '/media/logo.png%00.txt', '/media', '/%E0%A4%A']) {
      const r = await respondWithFile(root, p, { method: 'GET', range: null });
      expect(r.status, p).toBe(404);
    }
    expect((await resolveInsideRoot(root, '/media/logo.png'))?.file).toBe(await fs.realpath(path.join(root, 'media', 'logo.png')));
  });

  it('reads a small file whole and streams a large one, both complete', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 'v');
    await fs.writeFile(path.join(root, 'media', 'clip.mp4'), big);
    const small = await respondWithFile(root, '/media/logo.png', { method: 'GET', range: null });
    expect(small.body).toBeInstanceOf(Uint8Array);
    expect(small.headers['content-length']).toBe('10');
    const large = await respondWithFile(root, '/media/clip.mp4', { method: 'GET', range: null });
    expect(large.body).toBeInstanceOf(ReadableStream);
    expect(large.headers['content-length']).toBe(String(big.length));
    expect((await text(large.body)).length).toBe(big.length);
    expect((await respondWithFile(root, '/media/logo.png', { method: 'HEAD', range: null })).body).toBeNull();
  });

  it('answers byte ranges so video can seek', async () => {
    const r = await respondWithFile(root, '/media/logo.png', { method: 'GET', range: 'bytes=2-5' });
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe('bytes 2-5/10');
    expect(await text(r.body)).toBe('2345');
    expect((await respondWithFile(root, '/media/logo.png', { method: 'GET', range: 'bytes=50-' })).status).toBe(416);
  });

  it('answers at once for a named pipe in the root, and not with its contents (it would wait for a writer)', async () => {
    if (process.platform === 'win32') return;
    execFileSync('mkfifo', [path.join(root, 'media', 'pipe.png')]);
    const answered = respondWithFile(root, '/media/pipe.png', { method: 'GET', range: null });
    const late = new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 2_000).unref());
    const r = await Promise.race([answered, late]);
    expect(r === 'still waiting' ? r : r.status).toBe(404);
  });

  it('leaves no file open, whatever it answered (a kiosk serves pack files for months)', async () => {
    const open = async () => (await fs.readdir('/proc/self/fd')).length;
    await respondWithFile(root, '/media/logo.png', { method: 'GET', range: null });
    const before = await open();
    for (let i = 0; i < 20; i++) {
      await respondWithFile(root, '/media/logo.png', { method: 'GET', range: null });
      await respondWithFile(root, '/media/logo.png', { method: 'HEAD', range: null });
      await respondWithFile(root, '/media/logo.png', { method: 'GET', range: 'bytes=50-' });
      await respondWithFile(root, '/media', { method: 'GET', range: null });
      await text((await respondWithFile(root, '/media/logo.png', { method: 'GET', range: 'bytes=2-5' })).body);
    }
    // Handles are closed without the answer waiting for it: give the closes a moment.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await open()).toBeLessThanOrEqual(before);
  });

  it('parses the range forms browsers send', () => {
    expect(parseRange('bytes=0-', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=10-1000', 100)).toEqual({ start: 10, end: 99 });
    expect(parseRange('bytes=5-2', 100)).toBe('invalid');
    expect(parseRange('items=0-1', 100)).toBe('invalid');
    expect(parseRange(null, 100)).toBeNull();
  });
});
