// The folder a merchandiser edits (a "pack source"):
//
//   pack.json            id, version, title, validity, targets, schedule
//   data/*.json          branding, categories, promotions, campaigns, games, playlists
//   data/products.json   products as JSON  ─┐ one of the two
//   products.csv         products as a sheet ┘
//   media/               images and videos
import { Manifest } from '../../schema/manifest.ts';

export const PACK_FILE = 'pack.json';
export const PRODUCTS_JSON = 'data/products.json';
export const PRODUCTS_CSV = 'products.csv';
export const MEDIA_DIR = 'media';

/** pack.json: what the manifest says about the pack, without what the build computes. */
export const PackMeta = Manifest.pick({ packId: true, version: true, title: true, validFrom: true, validTo: true, targets: true, schedule: true });
export type PackMeta = ReturnType<typeof PackMeta.parse>;

/** Data files that may be missing from a source folder (they mean "none"). */
export const OPTIONAL_DATA = new Set(['promotions', 'campaigns', 'games']);
