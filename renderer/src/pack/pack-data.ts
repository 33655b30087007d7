// Reads the records of the active pack over pack:// (Electron) or HTTP (browser) and
// checks them against the schema; a pack the renderer cannot read is reported, not
// half-shown.
import type { z } from 'zod';
import { DATA_FILES, MANIFEST_FILE } from '../../../content/schema/layout.ts';
import { Manifest } from '../../../content/schema/manifest.ts';
import { DATA_FILE_SCHEMAS, type DataFileName, type PackData as PackRecords } from '../../../content/schema/pack-data.ts';

export interface PackData extends PackRecords {
  baseUrl: string;
  manifest: Manifest;
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
  const names = Object.keys(DATA_FILES) as DataFileName[];
  const [manifest, ...records] = await Promise.all([
    readJson(baseUrl, MANIFEST_FILE, Manifest, fetchImpl),
    ...names.map((name) => readJson(baseUrl, DATA_FILES[name], DATA_FILE_SCHEMAS[name] as z.ZodType<unknown>, fetchImpl)),
  ]);
  const data = Object.fromEntries(names.map((name, i) => [name, records[i]])) as unknown as PackRecords;
  return { baseUrl, manifest: manifest as Manifest, ...data };
}
