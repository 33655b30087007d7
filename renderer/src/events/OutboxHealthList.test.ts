import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createKioskI18n } from '../i18n/index.ts';
import OutboxHealthList from './OutboxHealthList.vue';
import { outboxHealthKey, type OutboxHealth } from './outbox-health.ts';

const twoDaysOffline: OutboxHealth = {
  queueDepth: 1234,
  queueBytes: 800_000,
  budgetBytes: 50_000_000,
  oldestUnsentAgeMs: 49 * 3600_000,
  lastSuccessAt: null,
  shedTotal: 17,
  quarantinedTotal: 2,
  storagePersisted: true,
  collectorUrl: 'https://collector.example.com',
  uploader: 'backoff',
  lastError: 'cannot reach the collector: Failed to fetch',
};

function render(health: () => Promise<OutboxHealth>, locale: 'zh-CN' | 'en' = 'zh-CN') {
  return mount(OutboxHealthList, {
    global: { plugins: [createKioskI18n(locale)], provide: { [outboxHealthKey as symbol]: health } },
    attachTo: document.body,
  });
}

describe('outbox lines on the admin panel', () => {
  it('shows what is waiting, for how long, and what was shed or quarantined, in Chinese', async () => {
    const wrapper = render(async () => twoDaysOffline);
    await flushPromises();
    expect(wrapper.get('[data-testid=outbox-queue]').text()).toBe('1234 条（781.3 KB / 上限 47.7 MB）');
    expect(wrapper.get('[data-testid=outbox-oldest]').text()).toBe('2 天前');
    expect(wrapper.get('[data-testid=outbox-last-success]').text()).toBe('从未');
    expect(wrapper.get('[data-testid=outbox-shed]').text()).toBe('17');
    expect(wrapper.get('[data-testid=outbox-quarantined]').text()).toBe('2');
    expect(wrapper.get('[data-testid=outbox-collector]').text()).toContain('cannot reach the collector');
    wrapper.unmount();
  });

  it('says in English when no collector is set and nothing waits', async () => {
    const wrapper = render(async () => ({ ...twoDaysOffline, queueDepth: 0, oldestUnsentAgeMs: null, collectorUrl: null, lastError: null }), 'en');
    await flushPromises();
    expect(wrapper.get('[data-testid=outbox-oldest]').text()).toBe('None');
    expect(wrapper.get('[data-testid=outbox-collector]').text()).toBe('Not set: events stay on this kiosk');
    wrapper.unmount();
  });

  it('says why when the outbox cannot be read', async () => {
    const wrapper = render(() => Promise.reject(new Error('the event outbox cannot be opened: QuotaExceededError')));
    await flushPromises();
    expect(wrapper.get('[data-testid=outbox-error]').text()).toContain('QuotaExceededError');
    wrapper.unmount();
  });
});
