// Where the virtual kiosk's files come from: the built kiosk renderer (dist/renderer),
// and an uploaded pack's unpacked, checked files in the hub's pack folder. A path from
// the address is taken only when it stays inside its folder.
import { existsSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packById, type PackRecord } from '../../store/queries/packs.ts';
import type { HubContext } from '../hub-context.ts';
import { HttpError, notFound } from '../http/http-error.ts';
import { packFolder, unpackedDir } from '../packs/pack-folder.ts';

/** dist/renderer of this checkout, from this file's place in the sources or in the bundle (dist/hub/cli.mjs). */
const BUILT_RENDERER = [new URL('../../../dist/renderer/', import.meta.url), new URL('../../dist/renderer/', import.meta.url)].map((u) => fileURLToPath(u));

/** The built kiosk renderer: HUB_PREVIEW_RENDERER_DIR, or dist/renderer of this checkout. */
export function rendererDir(): string {
  if (process.env.HUB_PREVIEW_RENDERER_DIR) return path.resolve(process.env.HUB_PREVIEW_RENDERER_DIR);
  return BUILT_RENDERER.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? BUILT_RENDERER[0]!;
}

export async function ensureRendererBuilt(dir: string): Promise<void> {
  const index = await stat(path.join(dir, 'index.html')).catch(() => null);
  if (!index?.isFile()) throw new HttpError(503, 'preview-unavailable', 'The kiosk renderer is not built on this hub: run "npm run build:renderer" to preview packs.');
}

/** The uploaded pack and the folder of its checked files. */
export async function previewPack(hub: HubContext, uploadId: string): Promise<{ pack: PackRecord; dir: string }> {
  const pack = await packById(hub.store, uploadId);
  if (!pack) throw notFound('No uploaded pack has this id.');
  return { pack, dir: unpackedDir(packFolder(hub), pack.sha256) };
}

const SEGMENT = /^[A-Za-z0-9._@+-]+$/;

/**
 * The file at `relative` (URL-decoded, '/'-separated) inside `root`, or null when the
 * path names anything outside it: `..`, empty or odd segments, or a link leading out.
 */
export async function fileInside(root: string, relative: string): Promise<string | null> {
  const segments = relative.split('/').filter((s) => s !== '');
  if (segments.length === 0 || segments.some((s) => s === '.' || s === '..' || !SEGMENT.test(s))) return null;
  const candidate = path.join(root, ...segments);
  const [realRoot, real] = await Promise.all([realpath(root).catch(() => null), realpath(candidate).catch(() => null)]);
  if (!realRoot || !real || !real.startsWith(realRoot + path.sep)) return null;
  const info = await stat(real).catch(() => null);
  return info?.isFile() ? real : null;
}
