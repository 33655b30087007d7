import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { packJsonSchemas } from './json-schema.ts';

const demo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../demo/pack/data');
const readDemo = async (file: string) => JSON.parse(await readFile(path.join(demo, file), 'utf8')) as unknown;

describe('the pack format as JSON Schema', () => {
  const schemas = packJsonSchemas();
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const check = (name: keyof typeof schemas, value: unknown) => {
    const validate = ajv.getSchema(schemas[name].$id as string) ?? ajv.compile(schemas[name]);
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };

  it('accepts the demo pack as a merchandiser wrote it', async () => {
    for (const [name, file] of [
      ['products.schema.json', 'products.json'],
      ['branding.schema.json', 'branding.json'],
      ['categories.schema.json', 'categories.json'],
      ['promotions.schema.json', 'promotions.json'],
      ['campaigns.schema.json', 'campaigns.json'],
      ['games.schema.json', 'games.json'],
      ['playlists.schema.json', 'playlists.json'],
    ] as const) {
      expect(check(name, await readDemo(file)), file).toEqual([]);
    }
    expect(check('kiosk-config.schema.json', {})).toEqual([]);
  });

  it('refuses what the zod schema refuses: a price in yuan, a missing Chinese name, an unknown field', () => {
    const product = { gtin: '06901234567892', category: 'fruit', name: { 'zh-CN': '苹果' }, price: 1290 };
    expect(check('products.schema.json', [product])).toEqual([]);
    expect(check('products.schema.json', [{ ...product, price: 12.9 }]).join()).toMatch(/price/);
    expect(check('products.schema.json', [{ ...product, name: { en: 'Apple' } }]).join()).toMatch(/zh-CN/);
    expect(check('products.schema.json', [{ ...product, colour: 'red' }]).join()).toMatch(/additional/);
  });
});
