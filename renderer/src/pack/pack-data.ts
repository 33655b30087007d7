// Reads the records of the active pack over pack:// (Electron) or HTTP (browser) and
// checks them against the schema; a pack the renderer cannot read is reported, not
// half-shown.
import { z } from 'zod';
import { Branding } from '../../../content/schema/branding.ts';
import { Campaign } from '../../../content/schema/campaign.ts';
import { GameConfig } from '../../../content/schema/game-config.ts';
import { DATA_FILES, MANIFEST_FILE } from '../../../content/schema/layout.ts';
import { Manifest } from '../../../content/schema/manifest.ts';
import { Playlist } from '../../../content/schema/playlist.ts';
import { Category } from '../../../content/schema/product.ts';
import { Promotion } from '../../../content/schema/promotion.ts';

export interface PackData {
  baseUrl: string;
  manifest: Manifest;
  branding: Branding;
  categories: Category[];
  promotions: Promotion[];
  campaigns: Campaign[];
  games: GameConfig[];
  playlists: Playlist[];
}

export class PackReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

async function readJson<T>(baseUrl: string, file: string, schema: z.ZodType<T>, fetchImpl: typeof fetch): Promise<T> {
  let res: Response;
  try {
    res = await fetchImpl(baseUrl + file, { cache: 'no-store' });
  } catch (err) {
    throw new PackReadError(file, `could not be read (${(err as Error).message})`);
  }
  if (!res.ok) throw new PackReadError(file, `could not be read (HTTP ${res.status})`);
  let value: unknown;
  try {
    value = await res.json();
  } catch {
    throw new PackReadError(file, 'is not valid JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new PackReadError(file, `${first?.path.join('.') ?? ''} ${first?.message ?? 'does not match the schema'}`.trim());
  }
  return parsed.data;
}

export async function loadPackData(baseUrl: string, fetchImpl: typeof fetch = fetch.bind(globalThis)): Promise<PackData> {
  const [manifest, branding, categories, promotions, campaigns, games, playlists] = await Promise.all([
    readJson(baseUrl, MANIFEST_FILE, Manifest, fetchImpl),
    readJson(baseUrl, DATA_FILES.branding, Branding, fetchImpl),
    readJson(baseUrl, DATA_FILES.categories, z.array(Category), fetchImpl),
    readJson(baseUrl, DATA_FILES.promotions, z.array(Promotion), fetchImpl),
    readJson(baseUrl, DATA_FILES.campaigns, z.array(Campaign), fetchImpl),
    readJson(baseUrl, DATA_FILES.games, z.array(GameConfig), fetchImpl),
    readJson(baseUrl, DATA_FILES.playlists, z.array(Playlist), fetchImpl),
  ]);
  return { baseUrl, manifest, branding, categories, promotions, campaigns, games, playlists };
}
