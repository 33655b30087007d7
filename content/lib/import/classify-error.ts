// Turns what yauzl, zlib and the file system throw into a PackImportError code.
import { PackImportError } from './import-error.ts';

export function classifyError(error: unknown, entry?: string): PackImportError {
  if (error instanceof PackImportError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC') return new PackImportError('disk-full', { need: '?', free: '0' }, { cause: error });
  if (/end of central directory record signature not found|unexpected EOF|file data overflows|not enough bytes in the stream|unexpected end of file/i.test(message)) {
    return new PackImportError('truncated', {}, { cause: error });
  }
  if (/too many bytes in the stream/i.test(message)) return new PackImportError('zip-bomb', { entry, detail: 'size in header is wrong' }, { cause: error });
  if (code?.startsWith('Z_') || /signature|compression method|encrypt|multi-disk|zip64|comment length|invalid|incorrect|extra field/i.test(message)) {
    return new PackImportError('corrupt', { entry, detail: message }, { cause: error });
  }
  const file = (error as NodeJS.ErrnoException | undefined)?.path;
  const what = code === 'ENOENT' ? 'not found / 找不到' : code === 'EACCES' || code === 'EPERM' ? 'no permission / 没有权限' : (code ?? message);
  return new PackImportError('io', { detail: file ? `${file} (${what})` : what }, { cause: error });
}
