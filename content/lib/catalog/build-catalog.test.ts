import { describe, expect, it } from 'vitest';
import { CatalogShard } from '../../schema/catalog.ts';
import { withCheckDigit } from '../../schema/gtin.ts';
import { shardOf } from '../../schema/layout.ts';
import { syntheticProducts } from '../testing/synthetic-products.ts';
import { buildCatalog } from './build-catalog.ts';

describe('building the catalog shards', () => {
  it('puts each product in the shard of its GTIN and each code in the shard of the code', () => {
    const products = syntheticProducts(1200);
    const { index, shards } = buildCatalog(products);
    expect(index).toEqual({ shardCount: 16, productCount: 1200 });
    shards.forEach((shard, n) => {
      expect(CatalogShard.safeParse(shard).success).toBe(true);
      for (const gtin of Object.keys(shard.products)) expect(shardOf(gtin, index.shardCount)).toBe(n);
      for (const code of Object.keys(shard.codes)) expect(shardOf(code, index.shardCount)).toBe(n);
    });
    expect(shards.reduce((sum, s) => sum + Object.keys(s.products).length, 0)).toBe(1200);
  });

  it('stores an alternative code that is a GTIN under its 14-digit form', () => {
    const [product] = syntheticProducts(1);
    const ean13 = withCheckDigit('690555000001');
    const { shards } = buildCatalog([{ ...product!, codes: [ean13] }], 1);
    expect(shards[0]!.codes).toEqual({ [`0${ean13}`]: product!.gtin });
  });

  it('writes the same bytes whatever the input order', () => {
    const products = syntheticProducts(50);
    expect(JSON.stringify(buildCatalog(products))).toBe(JSON.stringify(buildCatalog([...products].reverse())));
  });

  it('refuses a code used twice (validation should have caught it)', () => {
    const [a, b] = syntheticProducts(2);
    expect(() => buildCatalog([a!, { ...b!, codes: a!.codes }])).toThrow(/used twice/);
  });
});
