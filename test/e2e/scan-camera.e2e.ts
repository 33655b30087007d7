// Scanning with the camera: Chromium's fake camera plays a y4m of a pack product's
// EAN-13 (drawn by zxing-wasm's writer, made in a temp folder before the browser
// starts); the kiosk must show that product and let go of the camera afterwards.
import { makeBarcodeY4m } from '../support/make-barcode-y4m.ts';
import { scannableProduct, type ScannableProduct } from '../support/pack-products.ts';
import { demoPackDir, expect, openKiosk, waitForAppEvent } from './fixtures.ts';
import { storedEvents, test as scanTest } from './scan-kiosk.ts';

const test = scanTest.extend<object, { fakeCamera: { file: string; item: ScannableProduct } }>({
  fakeCamera: [
    async ({}, use) => {
      const item = await scannableProduct(demoPackDir);
      await use({ item, file: await makeBarcodeY4m(item.ean13) });
    },
    { scope: 'worker' },
  ],
  launchOptions: [
    async ({ launchOptions, fakeCamera }, use) => {
      await use({
        ...launchOptions,
        args: [...(launchOptions.args ?? []), '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${fakeCamera.file}`],
      });
    },
    { scope: 'worker' },
  ],
});

test('holding a product up to the camera shows that product, then the camera is released', async ({ page, kiosk, hub, fakeCamera }) => {
  const { item } = fakeCamera;
  const { errors } = await openKiosk(page, kiosk);
  await page.getByTestId('attract').click();
  await page.getByTestId('tile-scan').click();
  await expect(page.getByTestId('scan-aim-box')).toBeVisible();
  await waitForAppEvent(page, 'camera-started');

  await waitForAppEvent(page, 'product-shown', { gtin: item.product.gtin, found: true }, 0, 30_000);
  await expect(page.getByTestId('product-name')).toHaveText(item.product.name['zh-CN']);
  // Leaving the scan screen turns the camera off: no track is left running.
  const released = await waitForAppEvent(page, 'camera-released');
  expect(released.detail.liveTracks).toBe(0);
  await expect(page.locator('video')).toHaveCount(0);

  await expect.poll(() => storedEvents(hub, 'Barcode Scanned'), { timeout: 20_000 }).toEqual([
    { source: 'camera', code_type: 'ean-13', recognised: true, lookup: 'hit', product_id: item.product.gtin },
  ]);
  expect(errors).toEqual([]);
});

test.describe('a kiosk set up without a camera', () => {
  test.use({ config: { scanner: { camera: false } } });

  test('shows only the hand-scanner instructions and never opens the camera', async ({ page, kiosk }) => {
    await openKiosk(page, kiosk);
    await page.getByTestId('attract').click();
    await page.getByTestId('tile-scan').click();
    await expect(page.getByTestId('scan-instructions')).toContainText('请将商品条码对准下方扫码枪');
    await expect(page.getByTestId('scan-camera')).toHaveCount(0);
    const opened = await page.evaluate(() => window.__kioskTest!.events.some((e) => e.type === 'camera-started'));
    expect(opened).toBe(false);
  });
});
