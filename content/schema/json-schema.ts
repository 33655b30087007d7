// The pack format as JSON Schema (draft 2020-12), emitted from the zod schemas so the
// two can never disagree: for editors that complete pack files, and for other teams'
// tools. Checks zod runs as code (check digits, "to after from", cross-references) have
// no JSON Schema form; `kiosk-pack validate` makes them.
import { z } from 'zod';
import { KioskConfig } from './kiosk-config.ts';
import { Manifest } from './manifest.ts';
import { DATA_FILE_SCHEMAS } from './pack-data.ts';
import { Product } from './product.ts';

/** File name of each emitted schema → the zod schema it comes from. */
export const JSON_SCHEMA_SOURCES = {
  'manifest.schema.json': Manifest,
  'branding.schema.json': DATA_FILE_SCHEMAS.branding,
  'categories.schema.json': DATA_FILE_SCHEMAS.categories,
  'promotions.schema.json': DATA_FILE_SCHEMAS.promotions,
  'campaigns.schema.json': DATA_FILE_SCHEMAS.campaigns,
  'games.schema.json': DATA_FILE_SCHEMAS.games,
  'playlists.schema.json': DATA_FILE_SCHEMAS.playlists,
  'products.schema.json': z.array(Product),
  'kiosk-config.schema.json': KioskConfig,
} as const satisfies Record<string, z.ZodType>;

export type JsonSchemaName = keyof typeof JSON_SCHEMA_SOURCES;

/** Every schema, as the files a merchandiser writes them (defaults may be left out). */
export function packJsonSchemas(): Record<JsonSchemaName, Record<string, unknown>> {
  const out = {} as Record<JsonSchemaName, Record<string, unknown>>;
  for (const [name, schema] of Object.entries(JSON_SCHEMA_SOURCES) as [JsonSchemaName, z.ZodType][]) {
    out[name] = { $id: `https://schemas.shopfront.example/kiosk/v1/${name}`, ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) };
  }
  return out;
}
