import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../content/lib/testing/temp-dirs.ts';
import { PackFileFinder } from './pack-files.ts';

describe('pack files an admin can pick', () => {
  it('finds packs on a stick and in its folders (as deep as the folder watcher looks), hides paths behind ids, ignores the rest', async () => {
    const { dir, remove } = await makeTempDir('kiosk-usb-');
    await mkdir(path.join(dir, 'STICK', 'packs', 'old', 'archive'), { recursive: true });
    await writeFile(path.join(dir, 'STICK', 'spring.kpack'), 'x');
    await writeFile(path.join(dir, 'STICK', '._spring.kpack'), 'mac twin');
    await writeFile(path.join(dir, 'STICK', 'notes.txt'), 'x');
    await writeFile(path.join(dir, 'STICK', 'packs', 'autumn.kpack'), 'x');
    await writeFile(path.join(dir, 'STICK', 'packs', 'old', 'too-deep.kpack'), 'x');
    const finder = new PackFileFinder(() => [dir, path.join(dir, 'not-mounted')]);
    const files = await finder.list();
    expect(files.map((f) => f.name).sort()).toEqual(['autumn.kpack', 'spring.kpack']);
    expect(files[0]!.id).toMatch(/^[0-9a-f]{16}$/);
    const spring = files.find((f) => f.name === 'spring.kpack')!;
    expect(finder.resolve(spring.id)).toBe(path.join(dir, 'STICK', 'spring.kpack'));
    expect(finder.resolve('0000000000000000')).toBeNull();
    await remove();
  });
});
