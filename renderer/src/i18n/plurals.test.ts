import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import OutboxHealthList from '../events/OutboxHealthList.vue';
import { outboxHealthKey, type OutboxHealth } from '../events/outbox-health.ts';
import { en } from './en.ts';
import { createKioskI18n } from './index.ts';

const HOUR = 3600_000;

function oldestLine(ageMs: number, locale: 'en' | 'zh-CN') {
  const health: OutboxHealth = {
    queueDepth: 3,
    queueBytes: 1000,
    budgetBytes: 50_000_000,
    oldestUnsentAgeMs: ageMs,
    lastSuccessAt: null,
    shedTotal: 0,
    quarantinedTotal: 0,
    storagePersisted: true,
    collectorUrl: null,
    uploader: 'idle',
    lastError: null,
  };
  return mount(OutboxHealthList, { global: { plugins: [createKioskI18n(locale)], provide: { [outboxHealthKey as symbol]: async () => health } } });
}

describe('English plurals', () => {
  it('say "1 attempt left", "2 attempts left" and "0 attempts left"; Chinese has one form', () => {
    const { t } = createKioskI18n('en').global;
    expect(t('admin.wrongPin', { n: 1 }, 1)).toBe('Wrong PIN, 1 attempt left');
    expect(t('admin.wrongPin', { n: 2 }, 2)).toBe('Wrong PIN, 2 attempts left');
    expect(t('admin.wrongPin', { n: 0 }, 0)).toBe('Wrong PIN, 0 attempts left');
    expect(createKioskI18n('zh-CN').global.t('admin.wrongPin', { n: 1 }, 1)).toBe('密码错误，还可尝试 1 次');
  });

  it('count a pack of one product and a day-old event in the singular on the admin screen', async () => {
    const { t } = createKioskI18n('en').global;
    expect(t('admin.packs.valid', { title: 'Spring', packId: 'spring', version: '2.0.0', count: 1 }, 1)).toBe('Ready to install: Spring (spring 2.0.0, 1 product)');
    for (const [ageMs, text] of [
      [25 * HOUR, '1 day ago'],
      [49 * HOUR, '2 days ago'],
    ] as const) {
      const wrapper = oldestLine(ageMs, 'en');
      await flushPromises();
      expect(wrapper.get('[data-testid=outbox-oldest]').text()).toBe(text);
      wrapper.unmount();
    }
    const zh = oldestLine(25 * HOUR, 'zh-CN');
    await flushPromises();
    expect(zh.get('[data-testid=outbox-oldest]').text()).toBe('1 天前');
    zh.unmount();
  });

  it('leave no English message that puts a count before a plural noun without a singular form', () => {
    const flat = (o: object, prefix = ''): [string, string][] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flat(v as object, `${prefix}${k}.`)));
    const unpaired = flat(en).filter(([, text]) => !text.includes('|') && /\{(n|count)\} [a-z]+s\b/.test(text));
    expect(unpaired).toEqual([]);
  });
});
