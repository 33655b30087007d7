// The refusal codes of the pack import (content/lib/import), the same a kiosk reports,
// grouped by what a merchandiser does about them.

/** Codes the console explains in its own words; any other code shows the hub's sentence alone. */
export const CHECK_CODES = [
  'not-a-pack',
  'truncated',
  'corrupt',
  'zip-slip',
  'bad-file-name',
  'symlink',
  'duplicate-entry',
  'unlisted-file',
  'missing-file',
  'zip-bomb',
  'too-large',
  'too-many-files',
  'bad-signature',
  'unknown-key',
  'hash-mismatch',
  'schema',
  'unsupported-version',
  'not-for-this-kiosk',
  'expired',
  'not-yet-valid',
  'disk-full',
  'io',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

/** Refused to keep the hub and the kiosks safe: the file was made to do harm, or was changed. */
const HOSTILE: ReadonlySet<string> = new Set(['zip-slip', 'bad-file-name', 'symlink', 'duplicate-entry', 'zip-bomb', 'unlisted-file']);

export function isKnownCode(code: string): code is CheckCode {
  return (CHECK_CODES as readonly string[]).includes(code);
}

export function isHostile(code: string): boolean {
  return HOSTILE.has(code);
}

/** Message key of a code: `zip-slip` → `zipSlip`. */
export function codeKey(code: CheckCode): string {
  return code.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
