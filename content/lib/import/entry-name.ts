// Which names a pack's zip entries may have. A name is checked byte for byte as stored,
// before anything is written: no way out of the staging directory (zip-slip) and
// nothing a file system could read two ways.
import { PackPath } from '../../schema/primitives.ts';

export type EntryName =
  | { ok: true; name: string; directory: boolean }
  | { ok: false; code: 'zip-slip' | 'bad-file-name'; name: string };

export function checkEntryName(raw: Uint8Array): EntryName {
  const name = Buffer.from(raw).toString('latin1');
  const printable = name.replace(/[^\x20-\x7e]/g, '?');
  if (raw.some((byte) => byte < 0x20 || byte > 0x7e)) return { ok: false, code: 'bad-file-name', name: printable };
  const segments = name.split('/');
  if (name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name) || segments.includes('..')) {
    return { ok: false, code: 'zip-slip', name };
  }
  const directory = name.endsWith('/');
  const body = directory ? name.slice(0, -1) : name;
  if (!body || body.split('/').some((s) => s === '' || s === '.') || !PackPath.safeParse(body).success) {
    return { ok: false, code: 'bad-file-name', name: printable };
  }
  return { ok: true, name: body, directory };
}

/** Unix mode bits kept in the upper half of a zip entry's external attributes. */
export function isSymlinkEntry(externalFileAttributes: number): boolean {
  return ((externalFileAttributes >>> 16) & 0o170000) === 0o120000;
}
