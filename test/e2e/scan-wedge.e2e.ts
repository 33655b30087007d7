// A keyboard-wedge scanner in front of a real kiosk page: the right product on screen,
// the right events at the backend, and nothing from a person typing or the admin panel.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Product } from '../../content/schema/product.ts';
import { scannableProduct, unknownEan13, type ScannableProduct } from '../support/pack-products.ts';
import { expect, lastEventSeq, openAdminPanel, openKiosk, waitForAppEvent } from './fixtures.ts';
import { readQr } from './coupon-qr.ts';
import { shownPrice, storedEvents, test, wedgeScan } from './scan-kiosk.ts';

let item: ScannableProduct;
test.beforeAll(async ({ packDir }) => {
  item = await scannableProduct(packDir);
});
const name = (p: Product) => p.name['zh-CN'];

test('a scan on the attract loop wakes the kiosk and shows the right product, and the backend gets the scan', async ({ page, kiosk, hub, packDir }) => {
  const { errors } = await openKiosk(page, kiosk);
  await expect(page.getByTestId('attract')).toBeVisible();

  await wedgeScan(page, item.ean13);
  await waitForAppEvent(page, 'session-started', { trigger: 'scan' });
  await waitForAppEvent(page, 'product-shown', { gtin: item.product.gtin, found: true });
  await expect(page.getByTestId('product-name')).toHaveText(name(item.product));
  await expect(page.getByTestId('product-price')).toContainText(shownPrice(item.product));
  // "Continue on your phone": a phone reading the code off the screen gets the pack's link for this product.
  const branding = JSON.parse(await readFile(path.join(packDir, 'data/branding.json'), 'utf8')) as { productUrlTemplate: string };
  expect(await readQr(page.getByTestId('product-phone-qr'))).toBe(branding.productUrlTemplate.replace('{gtin}', item.product.gtin));

  // Back goes home, not to the attract loop.
  await page.getByTestId('back').click();
  await expect(page.getByTestId('home')).toBeVisible();

  await expect.poll(() => storedEvents(hub, 'Barcode Scanned'), { timeout: 20_000 }).toEqual([
    { source: 'scanner', code_type: 'ean-13', recognised: true, lookup: 'hit', product_id: item.product.gtin },
  ]);
  await expect.poll(() => storedEvents(hub, 'Product Viewed'), { timeout: 20_000 }).toEqual([
    expect.objectContaining({ product_id: item.product.gtin, name: name(item.product), currency: 'CNY', via: 'scan' }),
  ]);
  expect(errors).toEqual([]);
});

test('a scan with GS1 data shows the batch and expiry of the item in hand', async ({ page, kiosk }) => {
  await openKiosk(page, kiosk);
  await page.getByTestId('attract').click();
  // GTIN, expiry "end of December 2030", batch, then FNC1 (sent as Ctrl+]) and the serial number.
  await wedgeScan(page, `01${item.product.gtin}1730120010LOT42\u001d21SN0001`);
  await waitForAppEvent(page, 'product-shown', { gtin: item.product.gtin });
  const details = page.getByTestId('product-code-details');
  await expect(details).toContainText('LOT42');
  await expect(details).toContainText('2030年12月（月末）');
  await expect(details).toContainText('SN0001');
});

test('an unknown product gets a helpful page, and the backend hears it was not found', async ({ page, kiosk, hub, packDir }) => {
  const unknown = await unknownEan13(packDir);
  await openKiosk(page, kiosk);
  await wedgeScan(page, unknown);
  await waitForAppEvent(page, 'product-shown', { found: false });
  await expect(page.getByTestId('product-unknown')).toContainText('暂未找到这件商品');
  await expect(page.getByTestId('product-unknown-code')).toHaveText(`条码 ${unknown}`);
  await expect.poll(() => storedEvents(hub, 'Product Not Found'), { timeout: 20_000 }).toEqual([
    { product_id: `0${unknown}`, code_type: 'ean-13', source: 'scanner', reason: 'not-in-catalog' },
  ]);

  await page.getByTestId('scan-again').click();
  await expect(page.getByTestId('scan')).toBeVisible();
});

test('a code that is no product code sends the shopper to the scan screen with a kind word', async ({ page, kiosk, hub }) => {
  await openKiosk(page, kiosk);
  await page.getByTestId('attract').click();
  await page.getByTestId('tile-offers').click();
  await wedgeScan(page, 'https://pay.example.com/u/8841');
  await waitForAppEvent(page, 'scan', { recognised: false, reason: 'not-a-product-code' });
  await expect(page.getByTestId('scan-notice')).toContainText('这不是商品条码');
  await expect.poll(() => storedEvents(hub, 'Barcode Scanned'), { timeout: 20_000 }).toEqual([
    { source: 'scanner', code_type: 'url', recognised: false, lookup: 'skipped', reason: 'not-a-product-code' },
  ]);
  expect(JSON.stringify(await hub.allEvents())).not.toContain('pay.example.com');
});

test('a person typing digits is not a scan; a scan right after is', async ({ page, kiosk }) => {
  await openKiosk(page, kiosk);
  await page.getByTestId('attract').click();
  await page.getByTestId('tile-offers').click();
  const before = await lastEventSeq(page);
  await page.keyboard.type(item.ean13, { delay: 150 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('offers')).toBeVisible();
  // Now a real scan: it is the only scan the kiosk saw.
  await wedgeScan(page, item.ean13);
  await waitForAppEvent(page, 'product-shown', { gtin: item.product.gtin }, before);
  const scans = await page.evaluate((after) => window.__kioskTest!.events.filter((e) => e.seq > after && e.type === 'scan').length, before);
  expect(scans).toBe(1);
});

test('the scanner is ignored while the admin panel is open', async ({ page, kiosk }) => {
  await openKiosk(page, kiosk);
  await openAdminPanel(page);
  const before = await lastEventSeq(page);
  await wedgeScan(page, item.ean13);
  await expect(page.getByTestId('admin-panel')).toBeVisible();
  await page.getByTestId('admin-close').click();
  await expect(page.getByTestId('admin-panel')).toBeHidden();
  await wedgeScan(page, item.ean13);
  await waitForAppEvent(page, 'product-shown', { gtin: item.product.gtin }, before);
  const scans = await page.evaluate((after) => window.__kioskTest!.events.filter((e) => e.seq > after && e.type === 'scan').length, before);
  expect(scans).toBe(1);
});

test('once the catalogue is copied into the kiosk, scans read no shard from the pack, after a restart too', async ({ page, kiosk }) => {
  const shardReads: string[] = [];
  page.on('request', (r) => {
    if (/\/catalog\/shard-\d+\.json$/.test(r.url())) shardReads.push(r.url());
  });
  await openKiosk(page, kiosk);
  const mirrored = await waitForAppEvent(page, 'catalog-mirrored', {}, 0, 60_000);
  expect(mirrored.detail).toMatchObject({ skipped: 0 });
  expect(mirrored.detail.copied).toBe(mirrored.detail.shards);
  shardReads.length = 0;

  await wedgeScan(page, item.ean13);
  await waitForAppEvent(page, 'product-shown', { gtin: item.product.gtin, found: true });
  await expect(page.getByTestId('product-name')).toHaveText(name(item.product));
  expect(shardReads).toEqual([]);

  // A restarted renderer finds its copy in place: nothing to copy, nothing read from the pack.
  await page.reload();
  await waitForAppEvent(page, 'app-ready');
  const again = await waitForAppEvent(page, 'catalog-mirrored', {}, 0, 60_000);
  expect(again.detail).toMatchObject({ copied: 0, deleted: 0 });
  await wedgeScan(page, item.ean13);
  await waitForAppEvent(page, 'product-shown', { gtin: item.product.gtin, found: true });
  expect(shardReads).toEqual([]);
});
