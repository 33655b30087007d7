/* eslint-disable vue/one-component-per-file -- two small parts of one app, side by side */
import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import type { Product } from '../../../content/schema/product.ts';
import type { KioskApi } from '../../../electron/common/kiosk-api.ts';
import { useCatalogStore } from '../catalog/catalog-store.ts';
import type { CatalogHit } from '../catalog/catalog-lookup.ts';
import { trackerKey } from '../events/tracker.ts';
import { hostKey } from '../host/host-key.ts';
import { useScreenStore } from '../navigation/screen-store.ts';
import { useScanStore } from './scan-store.ts';
import { useScanHandler } from './use-scan-handler.ts';
import type { RawScan } from './scan-handler.ts';

const product = (gtin: string, name: string) => ({ gtin, name: { 'zh-CN': name } }) as unknown as Product;
const apple = product('06901234567892', '苹果');
const pear = product('04006381333931', '梨');

describe('one scan handler per app', () => {
  it('shows the newest scan, whether it came from the hand scanner or the camera', async () => {
    const pinia = createPinia();
    const host = { setSessionState: async () => undefined } as unknown as KioskApi;
    const sources: Record<string, (scan: RawScan) => Promise<void>> = {};
    // Two parts of the app, as in the kiosk: the app-wide hand scanner and the scan screen's camera.
    const HandScanner = defineComponent({ setup: () => void (sources.scanner = useScanHandler()), render: () => h('i') });
    const CameraView = defineComponent({ setup: () => void (sources.camera = useScanHandler()), render: () => h('i') });
    const app = mount(defineComponent({ render: () => h('div', [h(HandScanner), h(CameraView)]) }), {
      global: { plugins: [pinia], provide: { [hostKey as symbol]: host, [trackerKey as symbol]: { track: async () => undefined } } },
    });

    // The apple's catalog shard is slow to read; the pear's is quick.
    let releaseApple!: () => void;
    const appleRead = new Promise<void>((resolve) => (releaseApple = resolve));
    const catalog = useCatalogStore(pinia);
    catalog.find = async (keys: readonly string[]): Promise<CatalogHit | null> => {
      if (keys.includes(apple.gtin)) {
        await appleRead;
        return { key: apple.gtin, index: keys.indexOf(apple.gtin), product: apple };
      }
      return keys.includes(pear.gtin) ? { key: pear.gtin, index: keys.indexOf(pear.gtin), product: pear } : null;
    };

    const first = sources.scanner!({ text: '6901234567892', source: 'scanner' });
    const second = sources.camera!({ text: '4006381333931', source: 'camera', format: 'EAN13' });
    await second;
    releaseApple();
    await first;

    const scans = useScanStore(pinia);
    expect(scans.resolution?.product?.gtin).toBe(pear.gtin);
    expect(scans.resolution?.source).toBe('camera');
    expect(useScreenStore(pinia).current).toBe('product');
    expect(useScreenStore(pinia).params).toEqual({ scan: String(scans.resolution!.id) });
    expect(sources.scanner).toBe(sources.camera);
    app.unmount();
  });
});
