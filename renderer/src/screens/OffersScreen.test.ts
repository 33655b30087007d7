import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import type { KioskApi } from '../../../electron/common/kiosk-api.ts';
import type { EventCatalogue, EventName } from '../../../content/schema/events/tracking-plan.ts';
import { afterPaint } from '../components/after-paint.ts';
import { trackerKey } from '../events/tracker.ts';
import { hostKey } from '../host/host-key.ts';
import { createKioskI18n } from '../i18n/index.ts';
import type { PackData } from '../pack/pack-data.ts';
import { useShownPackStore } from '../pack/shown-pack-store.ts';
import OffersScreen from './OffersScreen.vue';

/** Events are recorded once the page is on screen: wait for that frame, then for the records. */
const painted = () => afterPaint().then(flushPromises);

const DAY = 86_400_000;
const iso = (ms: number) => new Date(Date.now() + ms).toISOString();

const packData = {
  baseUrl: 'http://k/pack/',
  promotions: [
    { id: 'old', title: { 'zh-CN': '上周特价', en: 'Last week' }, validTo: iso(-DAY) },
    { id: 'apple-week', title: { 'zh-CN': '苹果周 第二件半价', en: 'Apple week' }, validTo: iso(3 * DAY) },
    { id: 'tea', title: { 'zh-CN': '新茶上市', en: 'New tea' } },
  ],
} as unknown as PackData;

describe('the offers screen', () => {
  it('shows the offers running now and records each one a shopper saw, in order', async () => {
    const pinia = createPinia();
    setActivePinia(pinia);
    const tracked: { event: EventName; properties: EventCatalogue[EventName] }[] = [];
    const global = {
      plugins: [pinia, createKioskI18n('zh-CN')],
      provide: {
        [hostKey as symbol]: {} as KioskApi,
        [trackerKey as symbol]: { track: async (event: EventName, properties: EventCatalogue[EventName]) => void tracked.push({ event, properties }) },
      },
    };
    const stores = mount({ template: '<div />' }, { global });
    useShownPackStore().data = packData;
    stores.unmount();
    const wrapper = mount(OffersScreen, { global });
    expect(wrapper.find('[data-testid=offer-old]').exists()).toBe(false);
    expect(wrapper.get('[data-testid=offer-apple-week]').text()).toContain('苹果周');
    await painted();
    expect(tracked).toEqual([
      { event: 'Promotion Viewed', properties: { promotion_id: 'apple-week', name: '苹果周 第二件半价', position: 1, via: 'offers' } },
      { event: 'Promotion Viewed', properties: { promotion_id: 'tea', name: '新茶上市', position: 2, via: 'offers' } },
    ]);
    wrapper.unmount();
  });
});
