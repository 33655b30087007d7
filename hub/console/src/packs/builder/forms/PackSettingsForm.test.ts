import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { DraftDetail } from '../../../../../../content/schema/hub-api/console/pack-drafts.ts';
import { consoleTestApp } from '../../../test-support/console-test-app.ts';
import { draftRow } from '../../../test-support/fixtures.ts';
import { fakeHub } from '../../../test-support/fake-hub.ts';
import PackSettingsForm from './PackSettingsForm.vue';

const draft = draftRow({ version: '1.0.1', startedFrom: 'store sh-001: freshpick-demo 1.0.0', productCount: 66 });
const detail: DraftDetail = {
  draft,
  pack: { packId: 'freshpick-demo', version: '1.0.1', title: { 'zh-CN': '鲜选', en: 'FreshPick' }, targets: { stores: [], kiosks: [] } },
  schedule: { default: { playlist: 'main', games: [] }, dayparts: [] },
  branding: null,
  categories: [],
  promotions: [],
  campaigns: [],
  games: [],
  playlists: [],
  media: [],
};

describe('the pack settings form', () => {
  it('saves what was typed when Save is pressed, and shows a refused version beside its field', async () => {
    let answer: { status: number; body: unknown } = {
      status: 400,
      body: { error: 'version: use a version like 1.4.0', code: 'invalid-form', problems: [{ field: 'version', path: ['version'], message: { zh: '版本号格式不对', en: 'use a version like 1.4.0' }, fix: { zh: '写成 1.4.0 这样', en: 'write it like 1.4.0' } }] },
    };
    const hub = fakeHub({ 'PUT /api/pack-drafts/draft-0001/pack': () => answer });
    const app = consoleTestApp({ fetch: hub.fetch, role: 'merchandiser', locale: 'en' });
    const wrapper = mount(PackSettingsForm, { props: { detail }, global: app.global, attachTo: document.body });
    await wrapper.get('[data-testid=pack-version]').setValue('1.1');
    await wrapper.get('[data-testid=form-pack-save]').trigger('click');
    await flushPromises();
    expect(hub.sent.map((r) => r.body)).toEqual([{ packId: 'freshpick-demo', version: '1.1', title: { 'zh-CN': '鲜选', en: 'FreshPick' }, targets: { stores: [], kiosks: [] } }]);
    expect(wrapper.get('[data-testid=pack-version]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.text()).toContain('use a version like 1.4.0 — write it like 1.4.0');

    answer = { status: 200, body: { ...draft, version: '1.1.0' } };
    await wrapper.get('[data-testid=pack-version]').setValue('1.1.0');
    await wrapper.get('[data-testid=form-pack-save]').trigger('click');
    await flushPromises();
    expect((hub.sent[1]!.body as { version: string }).version).toBe('1.1.0');
    expect(wrapper.get('[data-testid=form-pack-saved]').text()).toBe('Saved');
    wrapper.unmount();
  });
});
