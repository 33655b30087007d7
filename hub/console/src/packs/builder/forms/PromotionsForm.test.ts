import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CSRF_HEADER } from '../../../../../../content/schema/hub-api/console/auth.ts';
import type { DraftDetail } from '../../../../../../content/schema/hub-api/console/pack-drafts.ts';
import type { MediaSource } from '../../../../../../content/schema/media-variants.ts';
import type { Promotion } from '../../../../../../content/schema/promotion.ts';
import { consoleTestApp } from '../../../test-support/console-test-app.ts';
import { draftRow } from '../../../test-support/fixtures.ts';
import { fakeHub, type FakeRoute } from '../../../test-support/fake-hub.ts';
import PromotionsForm from './PromotionsForm.vue';

const draft = draftRow();

const fruit = (image: MediaSource | undefined): Promotion => ({ id: 'weekend-fruit', title: { 'zh-CN': '周末鲜果节', en: 'Weekend fruit festival' }, products: [], ...(image ? { image } : {}) });

const detailWith = (image: MediaSource | undefined): DraftDetail => ({
  draft,
  pack: { packId: 'freshpick-demo', version: '1.1.0', title: { 'zh-CN': '鲜选' }, targets: { stores: [], kiosks: [] } },
  schedule: { default: { playlist: 'main', games: [] }, dayparts: [] },
  branding: null,
  categories: [],
  promotions: [fruit(image)],
  campaigns: [],
  games: [],
  playlists: [],
  media: [
    { path: 'media/promotions/weekend-fruit.webp', bytes: 48_000 },
    { path: 'media/promotions/weekend-fruit-en.webp', bytes: 51_000 },
    { path: 'media/attract/loop.mp4', bytes: 900_000 },
  ],
});

const SAVE = 'PUT /api/pack-drafts/draft-0001/promotions';

function mountForm(locale: 'zh-CN' | 'en', image: MediaSource | undefined, routes: Record<string, FakeRoute> = {}) {
  const hub = fakeHub({ [SAVE]: { status: 200, body: draft }, ...routes });
  const app = consoleTestApp({ fetch: hub.fetch, role: 'merchandiser', locale });
  return { hub, wrapper: mount(PromotionsForm, { props: { detail: detailWith(image) }, global: app.global, attachTo: document.body }) };
}

/** Opens the other files of promotion 0, as a click on their summary does. */
async function openOtherFiles(wrapper: VueWrapper): Promise<void> {
  const details = wrapper.get('[data-testid=promotion-0-image-variants]');
  (details.element as HTMLDetailsElement).open = true;
  await details.trigger('toggle');
}

/** What the hub received as promotion 0's image in the last save. */
async function saved(wrapper: VueWrapper, hub: ReturnType<typeof fakeHub>): Promise<unknown> {
  await wrapper.get('form').trigger('submit');
  await flushPromises();
  const puts = hub.sent.filter((r) => `${r.method} ${r.path}` === SAVE);
  return (puts.at(-1)!.body as Promotion[])[0]!.image;
}

const summary = (wrapper: VueWrapper) => wrapper.get('[data-testid=promotion-0-image-variants-summary]').text();

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('the banner picture of a promotion', () => {
  it('takes an English banner beside the default one, and gives the plain path back when it is removed', async () => {
    const { hub, wrapper } = mountForm('zh-CN', 'media/promotions/weekend-fruit.webp');
    expect(wrapper.get('[data-testid=promotion-0-image]').element).toHaveProperty('value', 'media/promotions/weekend-fruit.webp');
    expect(summary(wrapper)).toBe('另换的文件');

    await openOtherFiles(wrapper);
    await wrapper.get('[data-testid=promotion-0-image-en]').setValue('media/promotions/weekend-fruit-en.webp');
    expect(summary(wrapper)).toBe('另换的文件（1 个）');
    expect(await saved(wrapper, hub)).toEqual({ src: 'media/promotions/weekend-fruit.webp', en: 'media/promotions/weekend-fruit-en.webp' });

    await wrapper.get('[data-testid=promotion-0-image-en-remove]').trigger('click');
    expect(summary(wrapper)).toBe('另换的文件');
    expect(wrapper.find('[data-testid=promotion-0-image-en-remove]').exists()).toBe(false);
    expect(await saved(wrapper, hub)).toBe('media/promotions/weekend-fruit.webp');
  });

  it('offers the draft’s pictures to choose from, not its videos', () => {
    const { wrapper } = mountForm('zh-CN', 'media/promotions/weekend-fruit.webp');
    const list = wrapper.get('[data-testid=promotion-0-image]').attributes('list')!;
    const options = [...document.getElementById(list)!.querySelectorAll('option')].map((o) => o.value);
    expect(options).toEqual(['media/promotions/weekend-fruit-en.webp', 'media/promotions/weekend-fruit.webp']);
  });

  it('names the default file, the other files and each of them in the console’s language', async () => {
    const { wrapper: zh } = mountForm('zh-CN', { src: 'media/promotions/weekend-fruit.webp', en: 'media/promotions/weekend-fruit-en.webp' });
    await openOtherFiles(zh);
    const rowLabels = (w: VueWrapper) => w.findAll('[data-testid=promotion-0-image-variants] .field-label').map((l) => l.text());
    expect(zh.get('[data-testid=promotion-0-image-field] .field-label').text()).toBe('横幅图片');
    expect(summary(zh)).toBe('另换的文件（1 个）');
    expect(rowLabels(zh)).toEqual(['竖屏', '横屏', '中文', '英文']);
    expect(zh.get('[data-testid=promotion-0-image-en]').attributes('aria-label')).toBe('横幅图片 · 英文');
    expect(zh.get('[data-testid=promotion-0-image-en-file]').attributes('aria-label')).toBe('上传 · 横幅图片 · 英文');
    zh.unmount();

    const { wrapper: en } = mountForm('en', { src: 'media/promotions/weekend-fruit.webp', en: 'media/promotions/weekend-fruit-en.webp' });
    await openOtherFiles(en);
    expect(en.get('[data-testid=promotion-0-image-field] .field-label').text()).toBe('Banner picture');
    expect(summary(en)).toBe('Other files (1)');
    expect(rowLabels(en)).toEqual(['Portrait', 'Landscape', 'Chinese', 'English']);
    expect(en.get('[data-testid=promotion-0-image-en-remove]').attributes('aria-label')).toBe('Remove · Banner picture · English');
    expect(en.get('[data-testid=promotion-0-image-variants]').text()).toContain('Portrait and landscape: the shape of the screen');
  });

  it('uploads a portrait banner into media/promotions/ and names it as the portrait file', async () => {
    const { hub, wrapper } = mountForm('en', 'media/promotions/weekend-fruit.webp', {
      'PUT /api/pack-drafts/draft-0001/media/media%2Fpromotions%2Ffruit-9x16.webp': { status: 200, body: { media: { path: 'media/promotions/fruit-9x16.webp', bytes: 40_000 }, warnings: [] } },
    });
    vi.stubGlobal('fetch', hub.fetch);
    await openOtherFiles(wrapper);
    const input = wrapper.get('[data-testid=promotion-0-image-portrait-file]');
    Object.defineProperty(input.element, 'files', { value: [new File(['webp'], 'Fruit 9x16.webp', { type: 'image/webp' })], configurable: true });
    await input.trigger('change');
    await flushPromises();

    const upload = hub.sent.find((r) => r.method === 'PUT' && r.path.includes('/media/'))!;
    expect(upload.headers[CSRF_HEADER.toLowerCase()]).toBe('csrf-test-token');
    expect(wrapper.get('[data-testid=promotion-0-image-portrait]').element).toHaveProperty('value', 'media/promotions/fruit-9x16.webp');
    expect(wrapper.get('[data-testid=promotion-0-image-portrait-uploaded]').text()).toBe('media/promotions/fruit-9x16.webp uploaded.');
    expect(await saved(wrapper, hub)).toEqual({ src: 'media/promotions/weekend-fruit.webp', portrait: 'media/promotions/fruit-9x16.webp' });
  });

  it('keeps a language’s per-orientation files when another file is edited', async () => {
    const image: MediaSource = { src: 'media/promotions/weekend-fruit.webp', en: { src: 'media/promotions/weekend-fruit-en.webp', portrait: 'media/promotions/en-9x16.webp' } };
    const { hub, wrapper } = mountForm('en', image);
    expect(summary(wrapper)).toBe('Other files (2)');
    await openOtherFiles(wrapper);
    expect(wrapper.get('[data-testid=promotion-0-image-en-per-orientation]').text()).toBe('Also per screen shape (kept as they are): Portrait media/promotions/en-9x16.webp');
    await wrapper.get('[data-testid=promotion-0-image-landscape]').setValue('media/promotions/wide.webp');
    expect(await saved(wrapper, hub)).toEqual({ ...image, landscape: 'media/promotions/wide.webp' });
  });

  it('opens the other files when the hub refuses one of them, and shows why beside it', async () => {
    const refusal = {
      error: '[1].image.en: images must be .png, .jpg, .webp or .svg',
      code: 'invalid-form',
      problems: [{ field: 'promotions[1].image.en', path: [0, 'image', 'en'], message: { zh: '图片须为 .png、.jpg、.webp 或 .svg', en: 'images must be .png, .jpg, .webp or .svg' }, fix: { zh: '换成 .webp 文件', en: 'use a .webp file' } }],
    };
    const { wrapper } = mountForm('en', { src: 'media/promotions/weekend-fruit.webp', en: 'media/promotions/weekend-fruit-en.gif' }, { [SAVE]: { status: 400, body: refusal } });
    expect(wrapper.find('[data-testid=promotion-0-image-en]').exists()).toBe(false);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect((wrapper.get('[data-testid=promotion-0-image-variants]').element as HTMLDetailsElement).open).toBe(true);
    expect(wrapper.get('[data-testid=promotion-0-image-en]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid=promotion-0-image-variants] [data-testid=field-problem]').text()).toBe('images must be .png, .jpg, .webp or .svg — use a .webp file');
    expect(wrapper.get('[data-testid=promotion-0-image]').attributes('aria-invalid')).toBe('false');
  });
});
