import { describe, expect, it } from 'vitest';
import { checkEntryName, isSymlinkEntry } from './entry-name.ts';

const verdict = (name: string | Buffer) => {
  const result = checkEntryName(Buffer.isBuffer(name) ? name : Buffer.from(name, 'utf8'));
  return result.ok ? (result.directory ? 'dir' : 'ok') : result.code;
};

describe('zip entry names', () => {
  it.each([
    ['media/apple.png', 'ok'],
    ['catalog/shard-0001.json', 'ok'],
    ['media/', 'dir'],
    ['../evil', 'zip-slip'],
    ['media/../../evil', 'zip-slip'],
    ['/etc/passwd', 'zip-slip'],
    ['C:\\x', 'zip-slip'],
    ['C:/x', 'zip-slip'],
    ['a\\..\\b', 'zip-slip'],
    ['media\\apple.png', 'zip-slip'],
    ['media//apple.png', 'bad-file-name'],
    ['./media/apple.png', 'bad-file-name'],
    ['media/苹果.png', 'bad-file-name'],
    ['media/a b.png', 'bad-file-name'],
    [Buffer.from('media/a\x00.png'), 'bad-file-name'],
    ['', 'bad-file-name'],
  ])('%s → %s', (name, expected) => {
    expect(verdict(name)).toBe(expected);
  });

  it('recognises a symbolic link from the Unix mode in the external attributes', () => {
    expect(isSymlinkEntry((0o120777 << 16) >>> 0)).toBe(true);
    expect(isSymlinkEntry((0o100644 << 16) >>> 0)).toBe(false);
    expect(isSymlinkEntry(0)).toBe(false);
  });
});
