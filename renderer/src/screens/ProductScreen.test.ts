import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withCheckDigit } from '../../../content/schema/gtin.ts';
import { CATALOG_INDEX_FILE, catalogShardFile } from '../../../content/schema/layout.ts';
import type { Product } from '../../../content/schema/product.ts';
import type { KioskApi } from '../../../electron/common/kiosk-api.ts';
import type { EventCatalogue, EventName } from '../../../content/schema/events/tracking-plan.ts';
import { afterPaint } from '../components/after-paint.ts';
import { trackerKey } from '../events/tracker.ts';
import { hostKey } from '../host/host-key.ts';
import { createKioskI18n } from '../i18n/index.ts';
import { useScreenStore } from '../navigation/screen-store.ts';
import { useShownPackStore } from '../pack/shown-pack-store.ts';
import type { PackData } from '../pack/pack-data.ts';
import { useScanStore, type ScanResolution } from '../scan/scan-store.ts';
import ProductScreen from './ProductScreen.vue';

/** Events are recorded once the page is on screen: wait for that frame, then for the records. */
const painted = () => afterPaint().then(flushPromises);

const APPLE = withCheckDigit('690123456001').padStart(14, '0');
const PEAR = withCheckDigit('690123456002').padStart(14, '0');

const apple = {
  gtin: APPLE,
  codes: [],
  category: 'fruit',
  brand: { 'zh-CN': '栖霞果园', en: 'Qixia Orchards' },
  name: { 'zh-CN': '红富士苹果', en: 'Fuji apple' },
  unit: { 'zh-CN': '500克', en: '500 g' },
  price: 1290,
  promoPrice: 990,
  images: ['media/apple.png'],
  specs: [{ label: { 'zh-CN': '产地', en: 'Origin' }, value: { 'zh-CN': '山东烟台', en: 'Yantai, Shandong' } }],
  origin: {
    story: { 'zh-CN': '海边的果园，昼夜温差大。', en: 'An orchard by the sea, warm days and cool nights.' },
    certifications: ['绿色食品'],
    steps: [{ date: '2026-09-20', label: { 'zh-CN': '采摘', en: 'Picked' }, place: { 'zh-CN': '栖霞', en: 'Qixia' } }],
  },
  related: [PEAR],
} as Product;
const pear = { ...apple, gtin: PEAR, name: { 'zh-CN': '砀山梨', en: 'Dangshan pear' }, price: 890, promoPrice: undefined, related: [], origin: undefined } as Product;

const packData = {
  baseUrl: 'http://k/pack/',
  branding: { storeName: { 'zh-CN': '示例超市' }, colours: { primary: '#e60012', accent: '#ffb300', background: '#ffffff', text: '#222222' }, currency: 'CNY', productUrlTemplate: 'https://m.example.com/p/{gtin}' },
  categories: [{ id: 'fruit', name: { 'zh-CN': '水果', en: 'Fruit' } }],
  promotions: [{ id: 'apple-week', title: { 'zh-CN': '苹果周 第二件半价', en: 'Apple week: second one half price' }, products: [APPLE] }],
  campaigns: [],
  games: [],
  playlists: [],
  manifest: { schedule: { default: { playlist: 'attract', games: [] }, dayparts: [] } },
} as unknown as PackData;

/** The pack's catalog over a fake fetch: one shard holding both products. */
function serveCatalog() {
  const files: Record<string, unknown> = {
    [CATALOG_INDEX_FILE]: { shardCount: 1, productCount: 2 },
    [catalogShardFile(0)]: { products: { [APPLE]: apple, [PEAR]: pear }, codes: {} },
  };
  vi.stubGlobal('fetch', async (url: string) => {
    const file = String(url).replace('http://k/pack/', '');
    return file in files ? new Response(JSON.stringify(files[file])) : new Response('', { status: 404 });
  });
}

function render(resolution: Omit<ScanResolution, 'id'> | null, params: (id: number) => Record<string, string>, locale: 'zh-CN' | 'en' = 'zh-CN') {
  serveCatalog();
  const pinia = createPinia();
  setActivePinia(pinia);
  const tracked: { event: EventName; properties: EventCatalogue[EventName] }[] = [];
  const host = { setSessionState: async () => undefined } as unknown as KioskApi;
  const global = {
    plugins: [pinia, createKioskI18n(locale)],
    provide: {
      [hostKey as symbol]: host,
      [trackerKey as symbol]: { track: async (event: EventName, properties: EventCatalogue[EventName]) => void tracked.push({ event, properties }) },
    },
  };
  // Stores that inject the host need the app context: create them inside a throwaway mount.
  const stores = mount({ template: '<div />' }, { global });
  useShownPackStore().data = packData;
  const id = resolution ? useScanStore().resolve(resolution) : 0;
  useScreenStore().go('product', params(id));
  stores.unmount();
  const wrapper = mount(ProductScreen, { global, attachTo: document.body });
  return { wrapper, tracked, screen: useScreenStore() };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the product page for a scan', () => {
  it('shows name, offer price, what the code says, offers, specs and the origin story', async () => {
    const { wrapper, tracked } = render(
      { source: 'camera', candidate: { key: APPLE, codeType: 'gs1-datamatrix', details: { batch: 'L2609', expiry: { iso: '2026-10-31', endOfMonth: true } } }, product: apple, failed: false },
      (id) => ({ scan: String(id) }),
    );
    await flushPromises();
    const text = wrapper.text();
    expect(wrapper.get('[data-testid=product-name]').text()).toBe('红富士苹果');
    expect(wrapper.get('[data-testid=product-brand]').text()).toBe('栖霞果园');
    expect(wrapper.get('[data-testid=product-price]').text()).toContain('¥9.90');
    expect(wrapper.get('[data-testid=product-price]').text()).toContain('原价 ¥12.90');
    expect(wrapper.get('[data-testid=product-code-details]').text()).toContain('L2609');
    expect(wrapper.get('[data-testid=product-code-details]').text()).toContain('2026年10月（月末）');
    expect(wrapper.get('[data-testid=product-offer-apple-week]').text()).toContain('苹果周');
    expect(text).toContain('山东烟台');
    expect(wrapper.get('[data-testid=product-origin]').text()).toContain('海边的果园');
    expect(wrapper.get('[data-testid=product-origin]').text()).toContain('采摘');
    expect(wrapper.get('[data-testid=product-phone-link]').text()).toContain('在手机上继续看');
    await painted();
    expect(tracked).toEqual([
      { event: 'Promotion Viewed', properties: { promotion_id: 'apple-week', name: '苹果周 第二件半价', position: 1, via: 'product' } },
      { event: 'Product Viewed', properties: { product_id: APPLE, sku: APPLE, category: 'fruit', name: '红富士苹果', brand: '栖霞果园', price: 9.9, currency: 'CNY', via: 'scan' } },
    ]);
    wrapper.unmount();
  });

  it('speaks English to an English-speaking shopper', async () => {
    const { wrapper } = render({ source: 'scanner', candidate: { key: APPLE, codeType: 'ean-13', details: {} }, product: apple, failed: false }, (id) => ({ scan: String(id) }), 'en');
    await flushPromises();
    expect(wrapper.get('[data-testid=product-name]').text()).toBe('Fuji apple');
    expect(wrapper.get('[data-testid=product-brand]').text()).toBe('Qixia Orchards');
    expect(wrapper.get('[data-testid=product-price]').text()).toContain('Was ¥12.90');
    expect(wrapper.find('[data-testid=product-code-details]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('lists related products from the catalog and opens one when tapped', async () => {
    const { wrapper, screen } = render({ source: 'scanner', candidate: { key: APPLE, codeType: 'ean-13', details: {} }, product: apple, failed: false }, (id) => ({ scan: String(id) }));
    await flushPromises();
    await vi.waitFor(() => expect(wrapper.find(`[data-testid=related-${PEAR}]`).exists()).toBe(true));
    expect(wrapper.get(`[data-testid=related-${PEAR}]`).text()).toContain('砀山梨');
    await wrapper.get(`[data-testid=related-${PEAR}]`).trigger('click');
    expect(screen.current).toBe('product');
    expect(screen.params).toEqual({ gtin: PEAR });
    wrapper.unmount();
  });

  it('opens a related product by GTIN and records it as viewed from a related link', async () => {
    const { wrapper, tracked } = render(null, () => ({ gtin: PEAR }));
    await flushPromises();
    expect(wrapper.get('[data-testid=product-name]').text()).toBe('砀山梨');
    await painted();
    expect(tracked[0]).toMatchObject({ event: 'Product Viewed', properties: { product_id: PEAR, price: 8.9, via: 'related' } });
    wrapper.unmount();
  });
});

describe('an unknown product', () => {
  it('gets a helpful page with the code and a way on, and a Product Not Found event', async () => {
    const { wrapper, tracked, screen } = render({ source: 'scanner', candidate: { key: '04006381333931', codeType: 'ean-13', details: {} }, product: null, failed: false }, (id) => ({ scan: String(id) }));
    await flushPromises();
    const page = wrapper.get('[data-testid=product-unknown]');
    expect(page.text()).toContain('暂未找到这件商品');
    expect(page.text()).toContain('请咨询店员');
    expect(wrapper.get('[data-testid=product-unknown-code]').text()).toBe('条码 4006381333931');
    // One way on of its own; Home and Back are the kiosk's controls, not a second Home here.
    expect(page.findAll('button').map((b) => b.attributes('data-testid'))).toEqual(['scan-again']);
    await painted();
    expect(tracked).toEqual([{ event: 'Product Not Found', properties: { product_id: '04006381333931', code_type: 'ean-13', source: 'scanner', reason: 'not-in-catalog' } }]);
    await wrapper.get('[data-testid=scan-again]').trigger('click');
    expect(screen.current).toBe('scan');
    wrapper.unmount();
  });

  it('says product information is unavailable when the catalog could not be read', async () => {
    const { wrapper, tracked } = render({ source: 'camera', candidate: { key: APPLE, codeType: 'ean-13', details: {} }, product: null, failed: true }, (id) => ({ scan: String(id) }), 'en');
    await flushPromises();
    expect(wrapper.get('[data-testid=product-unknown]').text()).toContain("Product information isn't available right now");
    await painted();
    expect(tracked[0]?.properties).toMatchObject({ reason: 'catalog-unreadable', source: 'camera' });
    wrapper.unmount();
  });
});
