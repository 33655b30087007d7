import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSampleKpack, SAMPLE_GTINS, sampleProducts } from '../../../../content/lib/testing/sample-pack.ts';
import { makeTempDir } from '../../../../content/lib/testing/temp-dirs.ts';
import type { PackDiffAnswer } from '../../../../content/schema/hub-api/console/pack-diff.ts';
import { CONSOLE_API, KIOSK_API } from '../../../../content/schema/hub-api/index.ts';
import { describeEachDatabase } from '../../../store/testing/each-database.ts';
import { heartbeat, testHub } from '../../testing/hub-fixture.ts';
import { signIn, trustTestKey, uploadPack } from '../../testing/pack-fixture.ts';

let temp: { dir: string; remove: () => Promise<void> };
let v1: string;
let v2: string;

beforeAll(async () => {
  temp = await makeTempDir('hub-pack-diff-');
  await mkdir(path.join(temp.dir, 'v1'));
  await mkdir(path.join(temp.dir, 'v2'));
  v1 = (await buildSampleKpack(path.join(temp.dir, 'v1'))).kpack;
  // v1.1.0: the apple costs ¥11.90 instead of ¥12.90, the milk is gone.
  const products = sampleProducts()
    .filter((p) => p.gtin !== SAMPLE_GTINS.milk)
    .map((p) => (p.gtin === SAMPLE_GTINS.apple ? { ...p, price: 1190 } : p));
  v2 = (await buildSampleKpack(path.join(temp.dir, 'v2'), { meta: { version: '1.1.0' }, products: products.map((p) => ({ ...p, related: p.related?.filter((g) => g !== SAMPLE_GTINS.milk) })) })).kpack;
}, 120_000);
afterAll(() => temp.remove());

describeEachDatabase('GET /api/packs/:id/diff', (fixture) => {
  it('compares an upload with what a store’s kiosks run, and says why when there is nothing to compare with', async () => {
    const t = await testHub(await fixture.open());
    const session = await signIn(t, 'mei', 'merchandiser');
    await trustTestKey(t);
    const old = (await uploadPack(t, v1, { session })).json().pack as { id: string };
    const next = (await uploadPack(t, v2, { session })).json().pack as { id: string };
    const ask = (query: Record<string, string>) => t.call(CONSOLE_API.packDiff, { params: { id: next.id }, query }, { session });

    // No kiosk in the store has reported a pack yet.
    const empty = await ask({ storeId: 'sh-001' });
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({ live: [], base: null, noBase: 'nothing-live', diff: null });

    // A kiosk there runs a pack this hub never saw.
    const token = await t.enrol('kiosk-0001', 'sh-001');
    await t.call(KIOSK_API.heartbeat, { body: heartbeat(t, { pack: { packId: 'spring', version: '1.4.0' } }) }, { kiosk: token });
    expect((await ask({ storeId: 'sh-001' })).json()).toMatchObject({ live: [{ packId: 'spring', version: '1.4.0', kiosks: 1 }], noBase: 'not-on-hub', diff: null });

    // Now it runs v1: the diff shows the new price and the product gone.
    await t.call(KIOSK_API.heartbeat, { body: heartbeat(t, { pack: { packId: 'sample', version: '1.0.0' } }) }, { kiosk: token });
    const res = await ask({ storeId: 'sh-001' });
    const answer = res.json() as PackDiffAnswer;
    expect(answer.base).toMatchObject({ uploadId: old.id, version: '1.0.0' });
    expect(answer.target).toMatchObject({ uploadId: next.id, version: '1.1.0' });
    expect(answer.diff!.products.priceChanged).toEqual([{ gtin: SAMPLE_GTINS.apple, name: { 'zh-CN': '红富士苹果', en: 'Fuji apple' }, before: { price: 1290, promoPrice: 990 }, after: { price: 1190, promoPrice: 990 } }]);
    expect(answer.diff!.products.removed.map((p) => p.gtin)).toEqual([SAMPLE_GTINS.milk]);
    expect(answer.diff!.pack).toContainEqual({ field: 'version', before: '1.0.0', after: '1.1.0' });

    // Against another upload directly, and an upload that does not exist.
    const direct = (await ask({ against: old.id })).json() as PackDiffAnswer;
    expect(direct.live).toEqual([]);
    expect(direct.diff!.products.counts).toMatchObject({ before: 3, after: 2, removed: 1, priceChanged: 1 });
    expect((await ask({ against: 'pk_nosuchpack00' })).json()).toMatchObject({ noBase: 'no-such-upload', diff: null });
    // One of the two, never both.
    expect((await ask({ against: old.id, storeId: 'sh-001' })).statusCode).toBe(400);
    await t.close();
  }, 60_000);

  it('is for the people who publish packs, and keeps a store manager to their stores', async () => {
    const t = await testHub(await fixture.open());
    const session = await signIn(t, 'mei', 'merchandiser');
    await trustTestKey(t);
    const pack = (await uploadPack(t, v1, { session })).json().pack as { id: string };
    const analyst = await signIn(t, 'ana', 'analyst');
    const res = await t.call(CONSOLE_API.packDiff, { params: { id: pack.id }, query: { storeId: 'sh-001' } }, { session: analyst });
    expect(res.statusCode).toBe(403);
    expect((await t.call(CONSOLE_API.packDiff, { params: { id: pack.id }, query: { storeId: 'sh-001' } })).statusCode).toBe(401);
    await t.close();
  }, 60_000);
});
