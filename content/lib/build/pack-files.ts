// The files of a built pack, computed from a validated source folder: data/*.json as
// parsed (defaults filled in), the sharded catalog, and the media files.
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DATA_FILES } from '../../schema/layout.ts';
import { buildCatalog, catalogFiles } from '../catalog/build-catalog.ts';
import { imageFormatOf } from '../media/media-types.ts';
import { resizeImage } from '../media/resize-image.ts';
import type { ValidatedSource } from '../source/validate-source.ts';

/**
 * A file of the built pack: bytes made in memory, a file on disk, or a stream opened
 * when the file's turn comes (an entry of another zip, when re-signing).
 */
export type PackFile = { path: string; bytes: Uint8Array } | { path: string; file: string } | { path: string; open: () => Promise<Readable> };

const encoder = new TextEncoder();
const byPath = (a: PackFile, b: PackFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export async function packFiles(validated: ValidatedSource): Promise<PackFile[]> {
  const { source, toResize, limits } = validated;
  const values = <T>(records: readonly { value: T }[]) => records.map((r) => r.value);
  const data: Record<keyof typeof DATA_FILES, unknown> = {
    branding: source.data.branding?.value,
    categories: values(source.data.categories),
    promotions: values(source.data.promotions),
    campaigns: values(source.data.campaigns),
    games: values(source.data.games),
    playlists: values(source.data.playlists),
  };
  const files: PackFile[] = Object.entries(DATA_FILES).map(([name, file]) => ({ path: file, bytes: encoder.encode(JSON.stringify(data[name as keyof typeof DATA_FILES])) }));
  for (const [file, json] of catalogFiles(buildCatalog(values(source.products)))) files.push({ path: file, bytes: encoder.encode(json) });

  const shrink = new Set(toResize);
  for (const media of source.media) {
    const abs = path.join(source.dir, media);
    const format = imageFormatOf(media);
    if (shrink.has(media) && format && format !== 'svg') files.push({ path: media, bytes: await resizeImage(abs, format, limits) });
    else files.push({ path: media, file: abs });
  }
  return files.sort(byPath);
}
