import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/temp-dirs.ts';
import { pipeToFile } from './pipe-to-file.ts';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  tmp = await makeTempDir('kiosk-pipe-');
});
afterEach(async () => {
  await tmp.remove();
});

/** 64 KiB chunks, then the connection drops. */
function droppingSource(chunks: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent++ >= chunks) this.destroy(new Error('connection dropped'));
      else this.push(Buffer.alloc(65_536, sent));
    },
  });
}

describe('streaming into a file', () => {
  it('writes every byte and closes the file', async () => {
    const target = path.join(tmp.dir, 'whole.bin');
    await pipeToFile(Readable.from([Buffer.from('hello '), Buffer.from('kiosk')]), [], target);
    expect(await readFile(target, 'utf8')).toBe('hello kiosk');
  });

  it('when the source fails, the file no longer grows after the promise settles', async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const target = path.join(tmp.dir, `part-${attempt}.bin`);
      await expect(pipeToFile(droppingSource(40), [new Transform({ transform: (c, _e, cb) => cb(null, c) })], target)).rejects.toThrow('connection dropped');
      const sizeAtReject = (await stat(target)).size;
      await new Promise((r) => setTimeout(r, 50));
      expect((await stat(target)).size).toBe(sizeAtReject);
    }
  });

  it('appends to an existing file when asked', async () => {
    const target = path.join(tmp.dir, 'append.bin');
    await pipeToFile(Readable.from([Buffer.from('ab')]), [], target);
    await pipeToFile(Readable.from([Buffer.from('cd')]), [], target, { flags: 'a' });
    expect(await readFile(target, 'utf8')).toBe('abcd');
  });
});
