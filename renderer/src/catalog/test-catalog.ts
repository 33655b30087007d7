// For the catalogue tests: products, a pack's catalogue files as the pack builder lays
// them out, and a fetch that serves them and notes what was asked for.
import { withCheckDigit } from '../../../content/schema/gtin.ts';
import { CATALOG_INDEX_FILE, catalogShardFile, shardOf } from '../../../content/schema/layout.ts';
import type { ManifestFiles } from './catalog-mirror.ts';

export const gtin = (n: number) => withCheckDigit(`6901234${String(n).padStart(5, '0')}`).padStart(14, '0');

export const product = (n: number, extra: Record<string, unknown> = {}) => ({
  gtin: gtin(n),
  codes: [],
  category: 'fruit',
  name: { 'zh-CN': `商品${n}`, en: `Product ${n}` },
  price: 1000 + n,
  images: [],
  specs: [],
  related: [],
  ...extra,
});

/** A pack's catalog files (path → JSON value or raw text) as the pack builder lays them out. */
export function catalogFiles(products: Record<string, unknown>[], codes: Record<string, string>, shardCount: number) {
  const shards = Array.from({ length: shardCount }, () => ({ products: {} as Record<string, unknown>, codes: {} as Record<string, string> }));
  for (const p of products) shards[shardOf(p.gtin as string, shardCount)]!.products[p.gtin as string] = p;
  for (const [code, target] of Object.entries(codes)) shards[shardOf(code, shardCount)]!.codes[code] = target;
  const files = new Map<string, unknown>([[CATALOG_INDEX_FILE, { shardCount, productCount: products.length }]]);
  shards.forEach((s, n) => files.set(catalogShardFile(n), s));
  return files;
}

const bodyOf = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** The manifest's entries for `files`, with their real SHA-256. */
export async function manifestFiles(files: Map<string, unknown>): Promise<ManifestFiles> {
  const out: ManifestFiles = {};
  for (const [file, value] of files) {
    const body = new TextEncoder().encode(bodyOf(value));
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
    out[file] = { sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''), size: body.length };
  }
  return out;
}

export function serve(files: Map<string, unknown>, requests: string[] = []): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const file = String(input).replace('http://k/pack/', '');
    requests.push(file);
    if (!files.has(file)) return new Response('missing', { status: 404 });
    return new Response(bodyOf(files.get(file)), { status: 200 });
  }) as typeof fetch;
}
