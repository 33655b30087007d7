// Where a draft starts: the starter pack `kiosk-pack init` writes, the demo pack, a pack
// the hub keeps, or the pack the kiosks of a store run now (from their heartbeats).
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DraftStart } from '../../../content/schema/hub-api/console/pack-drafts.ts';
import type { Category } from '../../../content/schema/product.ts';
import { starterFiles, starterImages, starterSheet } from '../../../content/cli/starter/starter-pack.ts';
import { PACK_FILE, PRODUCTS_JSON, type PackMeta } from '../../../content/lib/source/source-layout.ts';
import { packById, packByVersion } from '../../store/queries/packs.ts';
import { kioskPackFacts } from '../../store/queries/rollouts.ts';
import type { HubContext } from '../hub-context.ts';
import { HttpError } from '../http/http-error.ts';
import { packFolder, unpackedDir } from '../packs/pack-folder.ts';
import { sourceFromPack } from './source-from-pack.ts';

export interface StartedSource {
  meta: PackMeta;
  productCount: number;
  /** What it started from, in words. */
  startedFrom: string;
}

const cannotStart = (message: string) => new HttpError(422, 'cannot-start', message);

/**
 * The demo pack as `npm run build` leaves it (dist/packs/demo, already checked by the
 * kiosk's import), found from this file in the sources or from the hub's bundle.
 */
function demoPackDir(): string | null {
  const candidates = ['../../../dist/packs/demo', '../packs/demo'].map((rel) => fileURLToPath(new URL(rel, import.meta.url)));
  return candidates.find((dir) => existsSync(path.join(dir, 'manifest.json'))) ?? null;
}

async function fromStarter(target: string, now: Date): Promise<StartedSource> {
  const files = starterFiles(now);
  for (const [file, json] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(target, file)), { recursive: true });
    await writeFile(path.join(target, file), `${JSON.stringify(json, null, 2)}\n`);
  }
  // The starter's product sheet goes through the same reader as a merchandiser's.
  // The sheet readers and sharp are loaded when a draft is started, not with the hub.
  const { readCsvProducts } = await import('../../../content/lib/source/sheet/product-sheet.ts');
  const { placeholderImage } = await import('../../../content/lib/media/placeholder-image.ts');
  const sheet = readCsvProducts(new TextEncoder().encode(starterSheet()), 'products.csv', files['data/categories.json'] as Category[]);
  await writeFile(path.join(target, PRODUCTS_JSON), `${JSON.stringify(sheet.rows, null, 2)}\n`);
  for (const { file, ...image } of starterImages) {
    await mkdir(path.dirname(path.join(target, file)), { recursive: true });
    await writeFile(path.join(target, file), await placeholderImage(image));
  }
  return { meta: files[PACK_FILE] as PackMeta, productCount: sheet.rows.length, startedFrom: 'starter' };
}

/** The pack most of the store's kiosks reported in their last heartbeat. */
async function livePackOfStore(hub: HubContext, storeId: string): Promise<{ packId: string; version: string }> {
  const counts = new Map<string, { packId: string; version: string; kiosks: number }>();
  for (const kiosk of await kioskPackFacts(hub.store, { storeId })) {
    const pack = kiosk.heartbeat ? (JSON.parse(kiosk.heartbeat) as { pack?: { packId?: unknown; version?: unknown } | null }).pack : null;
    if (typeof pack?.packId !== 'string' || typeof pack.version !== 'string') continue;
    const key = `${pack.packId}@${pack.version}`;
    const seen = counts.get(key) ?? { packId: pack.packId, version: pack.version, kiosks: 0 };
    seen.kiosks++;
    counts.set(key, seen);
  }
  const live = [...counts.values()].sort((a, b) => b.kiosks - a.kiosks)[0];
  if (!live) throw cannotStart(`No kiosk of store ${storeId} has reported a content pack yet: start from a pack on the hub or from a starter pack.`);
  return live;
}

export async function startSource(hub: HubContext, start: DraftStart, target: string): Promise<StartedSource> {
  await mkdir(target, { recursive: true });
  if (start.from === 'starter' && start.starter === 'starter') return fromStarter(target, new Date(hub.clock.now()));
  if (start.from === 'starter') {
    const demo = demoPackDir();
    if (!demo) throw cannotStart('The demo pack has not been built on this hub: run "npm run build" once, or start from the starter pack.');
    const made = await sourceFromPack(demo, target);
    return { ...made, startedFrom: `demo: ${made.meta.packId} ${made.meta.version}` };
  }
  const record =
    start.from === 'pack'
      ? await packById(hub.store, start.packId)
      : await livePackOfStore(hub, start.storeId).then(async (live) => {
          const found = await packByVersion(hub.store, live.packId, live.version);
          if (!found) throw cannotStart(`Store ${start.storeId} runs ${live.packId} ${live.version}, which is not among the hub's packs: upload it on the Packs page first.`);
          return found;
        });
  if (!record) throw new HttpError(404, 'not-found', 'There is no such pack on the hub.');
  const made = await sourceFromPack(unpackedDir(packFolder(hub), record.sha256), target);
  const where = start.from === 'store' ? `store ${start.storeId}: ` : '';
  return { ...made, startedFrom: `${where}${made.meta.packId} ${made.meta.version}` };
}
