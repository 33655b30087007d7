// The fonts generated artwork is drawn with: the kiosk's own bundled Noto Sans SC, never
// whatever the machine happens to have. sharp draws SVG text through librsvg, pango and
// fontconfig; a build machine or CI runner without a CJK font would otherwise turn
// every Chinese word on a banner or slide into missing-glyph boxes, and two machines
// would draw the same pack differently.
//
// The npm font package ships WOFF (the renderer's webfont), which sharp's FreeType
// cannot open, so the files are unwrapped once to plain OpenType into a cache folder,
// and a fontconfig file that lists only that folder is put in FONTCONFIG_FILE before
// the first text is drawn (fontconfig reads it then, once per process).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';

/** The family every generated picture names first. */
export const ARTWORK_FONT_FAMILY = 'Noto Sans SC';
/** Regular for body text, bold for titles; librsvg makes 600 from the nearest. */
const WEIGHTS = ['400', '700'];
const require = createRequire(import.meta.url);

/** The folder of @fontsource/noto-sans-sc's font files, and the package version (the cache key). */
function fontPackage(): { dir: string; version: string } {
  const manifest = require.resolve('@fontsource/noto-sans-sc/package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return { dir: path.join(path.dirname(manifest), 'files'), version };
}

/** A WOFF file as the OpenType font it wraps (fonteditor-core does the unwrapping). */
export async function woffToOpenType(woff: Uint8Array): Promise<Buffer> {
  const { default: fonteditor } = await import('fonteditor-core');
  const buffer = woff.buffer.slice(woff.byteOffset, woff.byteOffset + woff.byteLength) as ArrayBuffer;
  const inflate = (data: number[]) => Array.from(inflateSync(Uint8Array.from(data)));
  return Buffer.from(fonteditor.woff2ttf(buffer, { inflate }));
}

export function fontconfigFile(fontDir: string, cacheDir: string): string {
  const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- Written by the pack tools: generated artwork uses the bundled font only. -->
<fontconfig>
  <dir>${xml(fontDir)}</dir>
  <cachedir>${xml(cacheDir)}</cachedir>
  <alias><family>sans-serif</family><prefer><family>${ARTWORK_FONT_FAMILY}</family></prefer></alias>
  <alias><family>serif</family><prefer><family>${ARTWORK_FONT_FAMILY}</family></prefer></alias>
</fontconfig>
`;
}

/** Unwraps the bundled font into `root` (once per font version) and returns its fontconfig file. */
export async function prepareArtworkFonts(root = path.join(os.tmpdir(), 'shopfront-artwork-fonts')): Promise<string> {
  const pkg = fontPackage();
  const names = (await readdir(pkg.dir)).filter((f) => WEIGHTS.some((w) => f.endsWith(`-${w}-normal.woff`))).sort();
  if (names.length === 0) throw new Error(`no Noto Sans SC .woff files in ${pkg.dir}; reinstall with npm ci`);
  const key = createHash('sha256').update(`${pkg.version}\n${names.join('\n')}`).digest('hex').slice(0, 16);
  const home = path.join(root, key);
  const conf = path.join(home, 'fonts.conf');
  if (existsSync(conf)) return conf;
  // Build beside, then rename: a second process, or a run cut short, never sees half a folder.
  const staging = `${home}.${process.pid}.${Date.now()}.tmp`;
  await mkdir(path.join(staging, 'fonts'), { recursive: true });
  try {
    for (const name of names) {
      const font = await woffToOpenType(await readFile(path.join(pkg.dir, name)));
      await writeFile(path.join(staging, 'fonts', name.replace(/\.woff$/, '.otf')), font);
    }
    await writeFile(path.join(staging, 'fonts.conf'), fontconfigFile(path.join(home, 'fonts'), path.join(home, 'cache')));
    await rename(staging, home).catch(async (err: NodeJS.ErrnoException) => {
      // Another process finished first: use its folder.
      if (!existsSync(conf)) throw err;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return conf;
}

let ready: Promise<void> | null = null;

/**
 * Points this process's fontconfig at the bundled font. Call before drawing the first
 * SVG with text; later calls wait for the first.
 */
export function useArtworkFonts(): Promise<void> {
  ready ??= prepareArtworkFonts().then((conf) => {
    process.env.FONTCONFIG_FILE = conf;
    // On macOS pango would otherwise ask CoreText, which knows nothing of this folder.
    process.env.PANGOCAIRO_BACKEND = 'fontconfig';
  });
  return ready;
}
