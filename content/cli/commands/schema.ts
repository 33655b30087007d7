// kiosk-pack schema --out <dir>: the pack format as JSON Schema files.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { packJsonSchemas } from '../../schema/json-schema.ts';
import { bi } from '../../lib/report/bilingual.ts';
import { EXIT, say } from '../output.ts';

export async function run(args: { out: string }): Promise<number> {
  const dir = path.resolve(args.out);
  await mkdir(dir, { recursive: true });
  const schemas = packJsonSchemas();
  for (const [name, schema] of Object.entries(schemas)) await writeFile(path.join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
  say(bi(`已写出 ${Object.keys(schemas).length} 个 JSON Schema 到 ${dir}`, `wrote ${Object.keys(schemas).length} JSON Schemas to ${dir}`));
  return EXIT.ok;
}
