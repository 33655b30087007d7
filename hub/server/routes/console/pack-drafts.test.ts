import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STARTER_GTINS } from '../../../../content/cli/starter/starter-pack.ts';
import { importPack } from '../../../../content/lib/import/import-pack.ts';
import { placeholderImage } from '../../../../content/lib/media/placeholder-image.ts';
import { makeTempDir } from '../../../../content/lib/testing/temp-dirs.ts';
import { buildSampleKpack } from '../../../../content/lib/testing/sample-pack.ts';
import { CONSOLE_API, KIOSK_API } from '../../../../content/schema/hub-api/index.ts';
import { CatalogShard } from '../../../../content/schema/catalog.ts';
import { describeEachDatabase } from '../../../store/testing/each-database.ts';
import { buildHub } from '../../app.ts';
import { authHeaders, heartbeat, testHub, T0, type ConsoleSession, type TestHub } from '../../testing/hub-fixture.ts';
import { signIn, trustTestKey, uploadPack } from '../../testing/pack-fixture.ts';
import { archiveFile, packFolder } from '../../packs/pack-folder.ts';
import { HUB_KEY_NAME, hubTrustedKey } from '../../packs/signing-key.ts';

let temp: { dir: string; remove: () => Promise<void> };
let sheet: Buffer;
let picture: Buffer;
let samplePack: string;

const NEW_CODE = '6901234567892';

beforeAll(async () => {
  temp = await makeTempDir('hub-drafts-');
  // The sheet a merchandiser keeps in Excel: Chinese headers, barcodes stored as numbers, one bad price.
  const workbook = new ExcelJS.Workbook();
  const rows = workbook.addWorksheet('商品');
  rows.addRow(['商品条码', '商品名称', '售价', '分类', '产地']);
  rows.addRow([Number(NEW_CODE), '富士苹果礼盒', 39.9, '水果', '山东烟台']);
  rows.addRow([Number(STARTER_GTINS[1]), '赣南脐橙', '12,50', '水果', '江西赣州']);
  sheet = Buffer.from(await workbook.xlsx.writeBuffer());
  picture = await placeholderImage({ width: 400, height: 400, background: '#d7263d', foreground: '#ffffff', label: '礼盒', sublabel: 'gift box' });
  samplePack = (await buildSampleKpack(temp.dir)).kpack;
}, 120_000);
afterAll(() => temp.remove());

function upload(t: TestHub, url: string, body: Buffer, session: ConsoleSession, method: 'POST' | 'PUT' = 'POST'): Promise<LightMyRequestResponse> {
  return t.app.inject({ method, url, headers: { ...authHeaders({ session }), 'content-type': 'application/octet-stream' }, payload: body });
}

/** The product with this 14-digit key in an unpacked pack's catalog. */
async function catalogProduct(dir: string, key: string) {
  const shards = (await readdir(path.join(dir, 'catalog'))).filter((f) => f.startsWith('shard-'));
  for (const shard of shards) {
    const found = CatalogShard.parse(JSON.parse(await readFile(path.join(dir, 'catalog', shard), 'utf8'))).products[key];
    if (found) return found;
  }
  return undefined;
}

describeEachDatabase('pack drafts', (fixture) => {
  it('a merchandiser builds a pack from the starter: an Excel sheet, a picture, forms, a price; the hub signs it and a kiosk accepts it', async () => {
    const store = await fixture.open();
    const t = await testHub(store);
    const mei = await signIn(t, 'mei', 'merchandiser');

    // Only admins and merchandisers build packs.
    const manager = await signIn(t, 'wang', 'store-manager', ['sh-001']);
    expect((await t.call(CONSOLE_API.packDrafts, {}, { session: manager })).statusCode).toBe(403);
    expect((await t.call(CONSOLE_API.createPackDraft, { body: { name: '春季', start: { from: 'starter', starter: 'starter' } } }, { session: manager })).statusCode).toBe(403);

    const created = await t.call(CONSOLE_API.createPackDraft, { body: { name: '春季上新', start: { from: 'starter', starter: 'starter' } } }, { session: mei });
    expect(created.statusCode, created.body).toBe(200);
    const draft = created.json();
    expect(draft).toMatchObject({ name: '春季上新', packId: 'my-store', version: '1.0.0', startedFrom: 'starter', productCount: 4, createdBy: 'user:mei', lastBuild: null });
    const id: string = draft.id;

    // The Excel sheet: the good row is imported, the bad one listed and downloadable to fix.
    const imported = await upload(t, `/api/pack-drafts/${id}/products/sheet?name=${encodeURIComponent('商品表.xlsx')}`, sheet, mei);
    expect(imported.statusCode, imported.body).toBe(200);
    const answer = imported.json();
    expect(answer).toMatchObject({ format: 'xlsx', imported: 1, refused: 1, productCount: 5, unlisted: 0 });
    expect(answer.problems).toEqual([
      expect.objectContaining({ severity: 'error', file: '商品表.xlsx', row: 3, column: '售价', message: { zh: '价格 "12,50" 用逗号表示小数', en: 'the price "12,50" uses a comma for the decimals' }, fix: { zh: '小数请用小数点：12.50', en: 'use a dot for the decimals: 12.50' } }),
    ]);
    const refused = await t.app.inject({ method: 'GET', url: `/api/pack-drafts/${id}/products/refused.csv`, headers: authHeaders({ session: mei }) });
    expect(refused.statusCode).toBe(200);
    expect(refused.headers['content-type']).toMatch(/^text\/csv/);
    expect(refused.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(refused.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('商品条码,商品名称,售价,分类,产地,原因 Reason');
    expect(refused.body).toContain(`${STARTER_GTINS[1]},赣南脐橙,"12,50",水果,江西赣州,"第 3 行「售价」`);
    // The merchandiser fixes the price in the downloaded file and uploads it again: the row joins the draft.
    const fixed = Buffer.from(refused.body.replace('"12,50"', '12.50'));
    const again = await upload(t, `/api/pack-drafts/${id}/products/sheet?name=${encodeURIComponent('退回的商品行.csv')}`, fixed, mei);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ format: 'csv', imported: 1, refused: 0, productCount: 5, problems: [] });
    expect((await t.app.inject({ method: 'GET', url: `/api/pack-drafts/${id}/products/refused.csv`, headers: authHeaders({ session: mei }) })).statusCode).toBe(404);
    const orange = await t.call(CONSOLE_API.draftProducts, { params: { id }, query: { q: STARTER_GTINS[1] } }, { session: mei });
    // Only the sheet's columns changed: the English name and the picture the draft had are kept.
    expect(orange.json().products).toEqual([
      expect.objectContaining({ gtin: STARTER_GTINS[1], category: 'fruit', name: { 'zh-CN': '赣南脐橙', en: 'Gannan navel oranges' }, price: 1250, images: ['media/products/orange.png'], origin: { region: { 'zh-CN': '江西赣州' } } }),
    ]);

    const found = await t.call(CONSOLE_API.draftProducts, { params: { id }, query: { q: NEW_CODE } }, { session: mei });
    expect(found.json()).toEqual({ total: 1, products: [{ gtin: NEW_CODE, category: 'fruit', name: { 'zh-CN': '富士苹果礼盒' }, price: 3990, origin: { region: { 'zh-CN': '山东烟台' } } }] });

    // A picture is checked as the CLI checks it: a real PNG is kept, text called .png is refused.
    const pic = await upload(t, `/api/pack-drafts/${id}/media/${encodeURIComponent('media/products/gift-box.png')}`, picture, mei, 'PUT');
    expect(pic.statusCode, pic.body).toBe(200);
    expect(pic.json().media).toEqual({ path: 'media/products/gift-box.png', bytes: picture.length });
    const fake = await upload(t, `/api/pack-drafts/${id}/media/${encodeURIComponent('media/products/fake.png')}`, Buffer.from('not a picture at all'), mei, 'PUT');
    expect(fake.statusCode).toBe(422);
    expect(fake.json().problems[0].message.en).toMatch(/PNG|picture|image/i);

    // Campaign odds above 1 are refused with the field and what to do, in both languages; nothing saved.
    const before = (await t.call(CONSOLE_API.packDraft, { params: { id } }, { session: mei })).json();
    const campaigns = structuredClone(before.campaigns);
    campaigns[0].awards[0].odds = 1.5;
    campaigns[0].capPerSession = 2;
    const badOdds = await t.call(CONSOLE_API.putDraftCampaigns, { params: { id }, body: campaigns }, { session: mei });
    expect(badOdds.statusCode).toBe(400);
    expect(badOdds.json().problems).toEqual([
      { field: 'campaigns[1].awards[1].odds', path: ['campaigns', 0, 'awards', 0, 'odds'], message: { zh: expect.stringMatching(/1/), en: expect.stringMatching(/1/) }, fix: { zh: expect.any(String), en: expect.any(String) } },
    ]);
    expect((await t.call(CONSOLE_API.packDraft, { params: { id } }, { session: mei })).json().campaigns).toEqual(before.campaigns);
    campaigns[0].awards[0].odds = 0.25;
    const goodOdds = await t.call(CONSOLE_API.putDraftCampaigns, { params: { id }, body: campaigns }, { session: mei });
    expect(goodOdds.statusCode, goodOdds.body).toBe(200);

    // The new product gets its picture and a new price through the product form.
    const product = { gtin: NEW_CODE, category: 'fruit', name: { 'zh-CN': '富士苹果礼盒', en: 'Fuji apple gift box' }, price: 3590, images: ['media/products/gift-box.png'] };
    const priced = await t.call(CONSOLE_API.putDraftProduct, { params: { id, code: NEW_CODE }, body: product }, { session: mei });
    expect(priced.statusCode, priced.body).toBe(200);
    const badPrice = await t.call(CONSOLE_API.putDraftProduct, { params: { id, code: NEW_CODE }, body: { ...product, price: 35.9 } }, { session: mei });
    expect(badPrice.statusCode).toBe(400);
    expect(badPrice.json().problems.map((p: { field: string }) => p.field)).toEqual(['price']);

    // The draft survives a restart of the hub (a second process on the same database and folder).
    const restarted = await buildHub({ store, clock: t.clock, logger: false, options: t.hub.options });
    await restarted.app.ready();
    const reread = await restarted.app.inject({ method: 'GET', url: `/api/pack-drafts/${id}`, headers: authHeaders({ session: mei }) });
    expect(reread.statusCode).toBe(200);
    expect(reread.json()).toMatchObject({ draft: { id, productCount: 5 }, campaigns: [{ awards: [{ odds: 0.25 }] }] });
    expect(reread.json().media).toContainEqual({ path: 'media/products/gift-box.png', bytes: picture.length });
    await restarted.app.close();

    // Built and signed with the hub's own key, kept with the uploaded packs.
    const built = await t.call(CONSOLE_API.buildPackDraft, { params: { id } }, { session: mei });
    expect(built.statusCode, built.body).toBe(200);
    const { pack, draft: after } = built.json();
    expect(pack).toMatchObject({ packId: 'my-store', version: '1.0.0', signedBy: HUB_KEY_NAME, productCount: 5 });
    expect(after).toMatchObject({ version: '1.0.1', lastBuild: { packId: pack.id, version: '1.0.0' } });
    const listed = await t.call(CONSOLE_API.packLibrary, {}, { session: mei });
    expect(listed.json().packs.map((p: { id: string }) => p.id)).toContain(pack.id);

    // A kiosk that trusts the hub's key accepts the pack, with the edited price and odds.
    const kiosk = await importPack(archiveFile(packFolder(t.hub), pack.sha256), { stagingDir: path.join(temp.dir, `kiosk-${Date.now()}`), trustedKeys: [await hubTrustedKey(t.hub)], now: new Date(T0) });
    expect(kiosk.signer.name).toBe(HUB_KEY_NAME);
    expect(await catalogProduct(kiosk.dir, `0${NEW_CODE}`)).toMatchObject({ price: 3590, images: ['media/products/gift-box.png'] });
    expect(await catalogProduct(kiosk.dir, `00${STARTER_GTINS[1]}`.slice(-14))).toMatchObject({ price: 1250 });
    const keptCampaigns = JSON.parse(await readFile(path.join(kiosk.dir, 'data/campaigns.json'), 'utf8'));
    expect(keptCampaigns[0]).toMatchObject({ capPerSession: 2, awards: [{ odds: 0.25 }] });

    const audit = (await t.call(CONSOLE_API.audit, {}, { session: await t.admin() })).json().entries as { action: string; actor: string; target: string }[];
    const actions = audit.filter((e) => e.target === id).map((e) => e.action);
    for (const action of ['pack-draft.created', 'pack-draft.products-imported', 'pack-draft.media-added', 'pack-draft.changed', 'pack-draft.product-changed', 'pack-draft.built']) expect(actions).toContain(action);
    expect(audit.filter((e) => e.target === id).every((e) => e.actor === 'user:mei')).toBe(true);
    await t.close();
  }, 120_000);

  it('starts a draft from the pack the kiosks of a store run, as the next version', async () => {
    const t = await testHub(await fixture.open());
    const mei = await signIn(t, 'mei', 'merchandiser');
    await trustTestKey(t);
    expect((await uploadPack(t, samplePack, { session: mei })).statusCode).toBe(200);
    const none = await t.call(CONSOLE_API.createPackDraft, { body: { name: '门店', start: { from: 'store', storeId: 'sh-001' } } }, { session: mei });
    expect(none.statusCode).toBe(422);
    expect(none.json().error).toMatch(/No kiosk of store sh-001 has reported a content pack yet/);

    const token = await t.enrol('kiosk-0001', 'sh-001');
    expect((await t.call(KIOSK_API.heartbeat, { body: heartbeat(t, { pack: { packId: 'sample', version: '1.0.0' } }) }, { kiosk: token })).statusCode).toBe(200);
    const created = await t.call(CONSOLE_API.createPackDraft, { body: { name: '门店', start: { from: 'store', storeId: 'sh-001' } } }, { session: mei });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ packId: 'sample', version: '1.0.1', startedFrom: 'store sh-001: sample 1.0.0', productCount: 3 });
    const detail = (await t.call(CONSOLE_API.packDraft, { params: { id: created.json().id } }, { session: mei })).json();
    expect(detail.pack).toMatchObject({ packId: 'sample', version: '1.0.1' });
    expect(detail.media.map((m: { path: string }) => m.path)).toContain('media/apple.png');
    await t.close();
  }, 60_000);
});
