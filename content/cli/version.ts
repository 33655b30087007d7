// The tool's version: put in by build-cli.ts when bundled, read from the package's own
// package.json when run from the sources.
import { readFileSync } from 'node:fs';

declare const KIOSK_PACK_VERSION: string | undefined;

export const VERSION: string =
  typeof KIOSK_PACK_VERSION === 'string' ? KIOSK_PACK_VERSION : (JSON.parse(readFileSync(new URL('./package/package.json', import.meta.url), 'utf8')) as { version: string }).version;
