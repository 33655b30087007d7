import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startKioskWebServer } from './kiosk-web-server.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

it('stops at once while a page is still reading a file from it', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-web-'));
  dirs.push(dir);
  // A video the page has begun to play: far more than one socket buffer.
  await writeFile(path.join(dir, 'attract.mp4'), Buffer.alloc(32 * 1024 * 1024, 1));
  const server = await startKioskWebServer({ rendererDir: dir, packDir: dir });
  const reading = await new Promise<http.IncomingMessage>((resolve) => http.get(`${server.url}pack/attract.mp4`, resolve));
  reading.pause();

  // Without ending the connection, close() waits for the reader: the test times out.
  await server.close();
  // The page's read was cut short: it gets less than the file.
  let got = 0;
  reading.on('data', (chunk: Buffer) => (got += chunk.length));
  await new Promise<void>((resolve) => reading.once('close', () => resolve()).resume());
  expect(reading.complete).toBe(false);
  expect(got).toBeLessThan(32 * 1024 * 1024);
}, 10_000);
