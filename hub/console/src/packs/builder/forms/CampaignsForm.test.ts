import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../../../../../content/schema/campaign.ts';
import type { DraftDetail } from '../../../../../../content/schema/hub-api/console/pack-drafts.ts';
import { consoleTestApp } from '../../../test-support/console-test-app.ts';
import { draftRow } from '../../../test-support/fixtures.ts';
import { fakeHub } from '../../../test-support/fake-hub.ts';
import CampaignsForm from './CampaignsForm.vue';

const draft = draftRow();

const campaign: Campaign = {
  id: 'ten-off-59',
  name: { 'zh-CN': '满59减10', en: '¥10 off ¥59' },
  reward: { kind: 'amount-off', amount: 1000, minSpend: 5900, title: { 'zh-CN': '满59元减10元' } },
  validFrom: '2026-01-01T00:00:00+08:00',
  validTo: '2030-12-31T23:59:59+08:00',
  windows: [],
  couponValidDays: 7,
  dailyCapPerKiosk: 40,
  inventoryPerKiosk: 1500,
  capPerSession: 1,
  cooldownSec: 120,
  awards: [{ game: 'lucky-wheel', odds: 0.15 }],
};

const detail: DraftDetail = {
  draft,
  pack: { packId: 'freshpick-demo', version: '1.1.0', title: { 'zh-CN': '鲜选' }, targets: { stores: [], kiosks: [] } },
  schedule: { default: { playlist: 'main', games: [] }, dayparts: [] },
  branding: null,
  categories: [],
  promotions: [],
  campaigns: [campaign],
  games: [],
  playlists: [],
  media: [],
};

const refusal = {
  error: '[1].awards[1].odds: must be at most 1',
  code: 'invalid-form',
  problems: [
    {
      field: 'campaigns[1].awards[1].odds',
      path: [0, 'awards', 0, 'odds'],
      message: { zh: '不能大于 1', en: 'must be at most 1' },
      fix: { zh: '填 0 到 1 之间的数，例如 0.15', en: 'use a number from 0 to 1, e.g. 0.15' },
    },
  ],
};

function mountForm(locale: 'zh-CN' | 'en', answer: { status: number; body: unknown }) {
  const hub = fakeHub({ 'PUT /api/pack-drafts/draft-0001/campaigns': answer });
  const app = consoleTestApp({ fetch: hub.fetch, role: 'merchandiser', locale });
  return { hub, wrapper: mount(CampaignsForm, { props: { detail }, global: app.global }) };
}

describe('the coupon campaigns form', () => {
  it('sends the edited odds and puts the hub’s refusal beside the odds field, in the console’s language', async () => {
    const { hub, wrapper } = mountForm('en', { status: 400, body: refusal });
    await wrapper.get('[data-testid=campaign-0-award-0-odds]').setValue('1.5');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    const sent = hub.sent[0]!;
    expect(sent.method).toBe('PUT');
    expect((sent.body as Campaign[])[0]!.awards[0]!.odds).toBe(1.5);
    const award = wrapper.get('[data-testid=campaign-0-award-0]');
    expect(award.get('[data-testid=field-problem]').text()).toBe('must be at most 1 — use a number from 0 to 1, e.g. 0.15');
    expect(award.get('[data-testid=campaign-0-award-0-odds]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid=form-campaigns-error]').text()).toBe('Not saved: 1 thing to fix, see below.');
    expect(wrapper.get('[data-testid=form-campaigns-problems]').text()).toContain('campaigns[1].awards[1].odds');
    expect(wrapper.find('[data-testid=form-campaigns-saved]').exists()).toBe(false);
    // Other fields carry no problem.
    expect(wrapper.get('[data-testid=campaign-0-daily-cap]').attributes('aria-invalid')).toBe('false');
  });

  it('shows the same refusal in Chinese', async () => {
    const { wrapper } = mountForm('zh-CN', { status: 400, body: refusal });
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid=campaign-0-award-0] [data-testid=field-problem]').text()).toBe('不能大于 1 — 填 0 到 1 之间的数，例如 0.15');
  });

  it('says Saved when the hub takes the form, and clears earlier problems', async () => {
    const { wrapper } = mountForm('en', { status: 200, body: draft });
    await wrapper.get('[data-testid=campaign-0-daily-cap]').setValue('30');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid=form-campaigns-saved]').text()).toBe('Saved');
    expect(wrapper.find('[data-testid=field-problem]').exists()).toBe(false);
    expect(wrapper.emitted('saved')?.[0]).toEqual([draft]);
  });
});
