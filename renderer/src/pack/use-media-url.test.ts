import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import type { MediaSource } from '../../../content/schema/media-variants.ts';
import { createKioskI18n } from '../i18n/index.ts';
import type { PackData } from './pack-data.ts';
import { resetScreenOrientation } from './screen-orientation.ts';
import { useShownPackStore } from './shown-pack-store.ts';
import { useMediaUrl } from './use-media-url.ts';

/** A window whose orientation a test turns, telling listeners as a browser does. */
function fakeScreen(portrait: boolean) {
  const listeners = new Set<(e: { matches: boolean }) => void>();
  const query = { get matches() { return portrait; }, addEventListener: (_: string, l: (e: { matches: boolean }) => void) => listeners.add(l) };
  vi.stubGlobal('matchMedia', () => query);
  return (next: boolean) => {
    portrait = next;
    for (const l of listeners) l({ matches: next });
  };
}

const banner: MediaSource = { src: 'media/fruit.webp', portrait: 'media/fruit-9x16.webp', en: { src: 'media/fruit-en.webp', portrait: 'media/fruit-en-9x16.webp' } };

const Banner = defineComponent({
  setup() {
    const media = useMediaUrl();
    return () => h('img', { src: media.url(banner), 'data-fills': String(media.madeForShape(banner)) });
  },
});

afterEach(() => {
  vi.unstubAllGlobals();
  resetScreenOrientation();
});

describe('the URL of a pack picture on screen', () => {
  it('follows the screen turning and the shopper changing language', async () => {
    const turn = fakeScreen(false);
    setActivePinia(createPinia());
    useShownPackStore().data = { baseUrl: 'http://kiosk/pack/' } as PackData;
    const i18n = createKioskI18n('zh-CN');
    const img = mount(Banner, { global: { plugins: [i18n] } });
    const src = () => img.get('img').attributes('src');

    expect(src()).toBe('http://kiosk/pack/media/fruit.webp');
    expect(img.get('img').attributes('data-fills')).toBe('false');
    turn(true);
    await nextTick();
    expect(src()).toBe('http://kiosk/pack/media/fruit-9x16.webp');
    expect(img.get('img').attributes('data-fills')).toBe('true');
    i18n.global.locale.value = 'en';
    await nextTick();
    expect(src()).toBe('http://kiosk/pack/media/fruit-en-9x16.webp');
    turn(false);
    await nextTick();
    expect(src()).toBe('http://kiosk/pack/media/fruit-en.webp');
  });
});
