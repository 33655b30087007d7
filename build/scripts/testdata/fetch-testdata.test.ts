import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTestdata, missingTestdata, SHARED_TESTDATA } from '../../../test/support/testdata.ts';
import { fetchPinnedFiles, type PinnedFile } from './fetch-files.ts';
import { fetchTestdata } from './fetch-testdata.ts';
import { isSwipeClipShape, probeClip, SWIPE_CLIP } from './swipe-clip.ts';
import { readPins, upstreamUrl, ZXING_COMMIT } from './testdata-pins.ts';

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** Serves the files under `root` on 127.0.0.1, counting requests; `tamper` changes what one path answers. */
async function serve(root: string) {
  const requests: string[] = [];
  const tamper = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).slice(1);
    requests.push(rel);
    if (tamper.has(rel)) return void res.writeHead(200).end(tamper.get(rel));
    readFile(path.join(root, rel)).then(
      (bytes) => res.writeHead(200).end(bytes),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, tamper, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const work = await mkdtemp(path.join(os.tmpdir(), 'fetch-testdata-test-'));
afterAll(() => rm(work, { recursive: true, force: true }));

describe('fetching pinned files', () => {
  const upstream = path.join(work, 'upstream');
  const files: Record<string, string> = { 'barcodes/ean13/a.txt': '4006381333931\n', 'barcodes/ean13/b.txt': '9780201379624\n', 'mediapipe/images/c.jpg': 'not really a jpeg' };
  let pins: PinnedFile[];
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    for (const [rel, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(upstream, rel)), { recursive: true });
      await writeFile(path.join(upstream, rel), text);
    }
    server = await serve(upstream);
    pins = Object.entries(files).map(([rel, text]) => ({ path: rel, url: `${server.url}/${rel}`, size: Buffer.byteLength(text), sha256: sha256(text) }));
    return () => server.close();
  });

  it('keeps only files whose SHA-256 is the pinned one, and says which was refused and why', async () => {
    const dest = path.join(work, 'dest-1');
    server.tamper.set('barcodes/ean13/b.txt', '0000000000000\n');
    const report = await fetchPinnedFiles({ dest, files: pins });
    server.tamper.clear();
    expect(report.fetched).toEqual(['barcodes/ean13/a.txt', 'mediapipe/images/c.jpg']);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.path).toBe('barcodes/ean13/b.txt');
    expect(report.failed[0]!.problem).toContain(`not the pinned 14 bytes with ${pins[1]!.sha256}: refused, not written`);
    expect(existsSync(path.join(dest, 'barcodes/ean13/b.txt'))).toBe(false);
    expect(await readFile(path.join(dest, 'barcodes/ean13/a.txt'), 'utf8')).toBe(files['barcodes/ean13/a.txt']);
  });

  it('downloads nothing again that is already there, and replaces a file that was changed', async () => {
    const dest = path.join(work, 'dest-2');
    await fetchPinnedFiles({ dest, files: pins });
    await writeFile(path.join(dest, 'mediapipe/images/c.jpg'), 'edited');
    server.requests.length = 0;
    const again = await fetchPinnedFiles({ dest, files: pins });
    expect(again.present).toEqual(['barcodes/ean13/a.txt', 'barcodes/ean13/b.txt']);
    expect(again.fetched).toEqual(['mediapipe/images/c.jpg']);
    expect(server.requests).toEqual(['mediapipe/images/c.jpg']);
    expect(await readFile(path.join(dest, 'mediapipe/images/c.jpg'), 'utf8')).toBe('not really a jpeg');
  });

  it('fetches from a mirror laid out like the test data', async () => {
    const dest = path.join(work, 'dest-3');
    const elsewhere = pins.map((p) => ({ ...p, url: 'https://example.invalid/never-asked' }));
    const report = await fetchPinnedFiles({ dest, files: elsewhere, mirror: `${server.url}/` });
    expect(report.fetched).toHaveLength(3);
    expect(report.failed).toEqual([]);
  });

  it('says which address could not be reached, and writes nothing', async () => {
    const dest = path.join(work, 'dest-4');
    const closed = await serve(upstream);
    await closed.close();
    const report = await fetchPinnedFiles({ dest, files: pins.slice(0, 1), mirror: closed.url });
    expect(report.failed[0]!.problem).toMatch(new RegExp(`could not download ${closed.url}/barcodes/ean13/a\\.txt \\(fetch failed`));
    expect(existsSync(dest)).toBe(false);
  });
});

describe('the pins', () => {
  it('name ZXing files at one commit and the MediaPipe photos, and nothing the project made itself', async () => {
    const pins = await readPins();
    expect(pins.length).toBeGreaterThan(270);
    for (const pin of pins) expect(pin.url, pin.path).toBe(upstreamUrl(pin.path));
    expect(pins.filter((p) => p.path.startsWith('barcodes/')).every((p) => p.url.includes(`/zxing/zxing/${ZXING_COMMIT}/`))).toBe(true);
    expect(upstreamUrl('barcodes/datamatrix/datamatrix-1-abcd-18x8.png')).toBe(`https://raw.githubusercontent.com/zxing/zxing/${ZXING_COMMIT}/core/src/test/resources/blackbox/datamatrix-1/abcd-18x8.png`);
    expect(pins.map((p) => p.path)).not.toContain('mediapipe/models/hand_landmarker.task');
  });

  it('are what the project’s own copy holds: served from it, every file verifies and the swipe clip comes out the same', async (ctx) => {
    if (!existsSync(SHARED_TESTDATA)) return ctx.skip('needs ../shared/testdata to serve');
    const server = await serve(SHARED_TESTDATA);
    const dest = path.join(work, 'fetched');
    try {
      const report = await fetchTestdata({ dest, mirror: server.url });
      expect(report.failed).toEqual([]);
      expect(report.fetched.length).toBe((await readPins()).length);
      expect(report.clip).toEqual({ made: true, sameFrames: true });
      expect(isSwipeClipShape(await probeClip(path.join(dest, SWIPE_CLIP)))).toBe(true);
      // And the tests find it there when pointed at it.
      const env = { KIOSK_TESTDATA: dest };
      expect(findTestdata('barcodes/upce', env)).toBe(path.join(dest, 'barcodes/upce'));
      expect(missingTestdata(['barcodes/upce', 'mediapipe/images/google_victory.jpg', SWIPE_CLIP], env)).toBeNull();
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe('where tests find the test data', () => {
  it('looks only in KIOSK_TESTDATA when it is set, and says to run npm run fetch:testdata when a file is missing', async () => {
    const empty = path.join(work, 'empty');
    await mkdir(empty, { recursive: true });
    const env = { KIOSK_TESTDATA: empty };
    expect(findTestdata('barcodes/upce', env)).toBeNull();
    expect(missingTestdata(['barcodes/upce'], env)).toMatch(/needs the test data barcodes\/upce .*run `npm run fetch:testdata`/);
    expect(missingTestdata(['mediapipe/models/hand_landmarker.task'], env)).toMatch(/not published, so `npm run fetch:testdata` cannot fetch it/);
  });
});
