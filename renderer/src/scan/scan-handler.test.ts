import { describe, expect, it } from 'vitest';
import type { Product } from '../../../content/schema/product.ts';
import type { EventCatalogue, EventName } from '../../../content/schema/events/tracking-plan.ts';
import type { ScreenName } from '../navigation/screen-store.ts';
import { GS } from './gs1/element-string.ts';
import { createScanHandler } from './scan-handler.ts';
import type { ScanNotice, ScanResolution } from './scan-store.ts';

const apple = { gtin: '06901234567892', codes: [], category: 'fruit', name: { 'zh-CN': '苹果' }, price: 1290, images: [], specs: [], related: [] } as unknown as Product;

function setup(options: { screen?: ScreenName; active?: boolean; catalog?: Record<string, Product>; catalogFails?: boolean; later?: (work: () => void) => void } = {}) {
  const visited: { screen: ScreenName; params: Record<string, string> }[] = [];
  const tracked: { event: EventName; properties: EventCatalogue[EventName] }[] = [];
  const wakes: string[] = [];
  const resolutions: ScanResolution[] = [];
  const notices: Omit<ScanNotice, 'id'>[] = [];
  const screen = {
    current: options.screen ?? ('attract' as ScreenName),
    go(next: ScreenName, params: Record<string, string> = {}) {
      this.current = next;
      visited.push({ screen: next, params });
    },
  };
  const session = {
    active: options.active ?? false,
    wake(trigger: 'scan', goHome: boolean) {
      wakes.push(`${trigger}:${goHome}`);
      this.active = true;
      return true;
    },
    markActivity() {},
  };
  const catalog = {
    async find(keys: readonly string[]) {
      if (options.catalogFails) throw new Error('catalog/shard-0001.json: could not be read (HTTP 500)');
      for (const [index, key] of keys.entries()) {
        const product = options.catalog?.[key];
        if (product) return { key, index, product };
      }
      return null;
    },
  };
  const handle = createScanHandler({
    screen,
    session,
    catalog,
    later: options.later ?? ((work) => work()),
    tracker: {
      async track(event, properties) {
        tracked.push({ event, properties });
      },
    },
    store: {
      resolve(r) {
        resolutions.push({ ...r, id: resolutions.length + 1 });
        return resolutions.length;
      },
      notify(n) {
        notices.push(n);
      },
    },
  });
  return { handle, visited, tracked, wakes, resolutions, notices, screen };
}

describe('a scan, from any screen', () => {
  it('wakes the kiosk from the attract loop and opens the product, with home underneath', async () => {
    const t = setup({ catalog: { '06901234567892': apple } });
    await t.handle({ text: '6901234567892', source: 'scanner' });
    expect(t.wakes).toEqual(['scan:false']);
    expect(t.visited).toEqual([{ screen: 'home', params: {} }, { screen: 'product', params: { scan: '1' } }]);
    expect(t.resolutions[0]).toMatchObject({ source: 'scanner', product: { gtin: '06901234567892' }, candidate: { codeType: 'ean-13' }, failed: false });
    expect(t.tracked).toEqual([
      { event: 'Barcode Scanned', properties: { source: 'scanner', code_type: 'ean-13', recognised: true, lookup: 'hit', product_id: '06901234567892' } },
    ]);
  });

  it('records the scan only after the product page was asked for, so the page does not wait for the outbox', async () => {
    const waiting: (() => void)[] = [];
    const t = setup({ catalog: { '06901234567892': apple }, later: (work) => waiting.push(work) });
    await t.handle({ text: '6901234567892', source: 'scanner' });
    expect(t.visited.at(-1)).toEqual({ screen: 'product', params: { scan: '1' } });
    expect(t.tracked).toEqual([]);
    for (const work of waiting) work();
    expect(t.tracked).toEqual([
      { event: 'Barcode Scanned', properties: { source: 'scanner', code_type: 'ean-13', recognised: true, lookup: 'hit', product_id: '06901234567892' } },
    ]);
  });

  it('records a miss and still opens the (unknown) product page', async () => {
    const t = setup({ screen: 'scan', active: true });
    await t.handle({ text: '4006381333931', source: 'camera' });
    expect(t.wakes).toEqual([]);
    expect(t.visited).toEqual([{ screen: 'product', params: { scan: '1' } }]);
    expect(t.resolutions[0]).toMatchObject({ product: null, failed: false, candidate: { key: '04006381333931' } });
    expect(t.tracked[0]?.properties).toMatchObject({ source: 'camera', lookup: 'miss', product_id: '04006381333931' });
  });

  it('never sends a missed code that is a store\'s own or restricted number (a loyalty card may carry one)', async () => {
    const t = setup({ screen: 'scan', active: true });
    // 0412345678903: a company-internal number (prefix 04); the catalog does not know it.
    await t.handle({ text: '0412345678903', source: 'scanner' });
    expect(t.resolutions[0]).toMatchObject({ product: null, failed: false });
    expect(t.tracked[0]?.properties).toMatchObject({ lookup: 'miss' });
    expect(t.tracked[0]?.properties).not.toHaveProperty('product_id');
    expect(JSON.stringify(t.tracked)).not.toContain('412345678903');
  });

  it('says which reading found the product (a scale label found by its item number)', async () => {
    const t = setup({ active: true, screen: 'home', catalog: { '02012345000001': apple } });
    await t.handle({ text: '2012345012509', source: 'scanner' });
    expect(t.resolutions[0]?.candidate).toEqual({ key: '02012345000001', codeType: 'variable-measure', details: { price: { value: 1250, unit: 'minor' } } });
    expect(t.tracked[0]?.properties).toMatchObject({ code_type: 'variable-measure', lookup: 'hit' });
  });

  it('shows the scan screen with a reason for a code that is not a product, and never sends the text', async () => {
    const t = setup({ active: true, screen: 'offers' });
    await t.handle({ text: 'https://pay.example.com/u/12345678', source: 'camera', format: 'QRCode' });
    expect(t.notices).toEqual([{ reason: 'not-a-product-code', codeType: 'url' }]);
    expect(t.visited).toEqual([{ screen: 'scan', params: {} }]);
    expect(t.tracked).toEqual([{ event: 'Barcode Scanned', properties: { source: 'camera', code_type: 'url', recognised: false, lookup: 'skipped', reason: 'not-a-product-code' } }]);
    expect(JSON.stringify(t.tracked)).not.toContain('pay.example.com');
  });

  it('records a catalog that cannot be read as an error, not as a missing product', async () => {
    const t = setup({ active: true, screen: 'home', catalogFails: true });
    await t.handle({ text: `0109501101530003${'10'}B1${GS}21S9`, source: 'scanner' });
    expect(t.resolutions[0]).toMatchObject({ product: null, failed: true, candidate: { codeType: 'gs1', details: { batch: 'B1', serial: 'S9' } } });
    expect(t.tracked[0]?.properties).toMatchObject({ lookup: 'error' });
    expect(JSON.stringify(t.tracked)).not.toContain('S9');
  });

  it('leaves a game in play alone, but still records the scan as skipped', async () => {
    const t = setup({ active: true, screen: 'game', catalog: { '06901234567892': apple } });
    await t.handle({ text: '6901234567892', source: 'scanner' });
    expect(t.visited).toEqual([]);
    expect(t.resolutions).toEqual([]);
    expect(t.tracked).toEqual([
      { event: 'Barcode Scanned', properties: { source: 'scanner', code_type: 'ean-13', recognised: true, lookup: 'skipped', reason: 'busy' } },
    ]);
  });

  it('shows the newest of two quick scans', async () => {
    const t = setup({ active: true, screen: 'home', catalog: { '06901234567892': apple } });
    await Promise.all([t.handle({ text: '4006381333931', source: 'scanner' }), t.handle({ text: '6901234567892', source: 'scanner' })]);
    expect(t.visited.map((v) => v.screen)).toEqual(['product']);
    expect(t.resolutions).toHaveLength(1);
    expect(t.resolutions[0]?.product?.gtin).toBe('06901234567892');
    // Both scans are recorded.
    expect(t.tracked.map((e) => (e.properties as { lookup: string }).lookup).sort()).toEqual(['hit', 'miss']);
  });
});
