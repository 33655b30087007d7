import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { consoleTestApp } from '../test-support/console-test-app.ts';
import { fakeHub, type SentRequest } from '../test-support/fake-hub.ts';
import StoreForm from './StoreForm.vue';

function render(locale: 'zh-CN' | 'en' = 'en') {
  const hub = fakeHub({
    'PUT /api/stores/sh-02': (req: SentRequest) => ({ status: 200, body: { id: 'sh-02', ...(req.body as object) } }),
  });
  const app = consoleTestApp({ fetch: hub.fetch, locale });
  const wrapper = mount(StoreForm, { props: { store: null, takenIds: ['sh-01'] }, global: app.global });
  return { wrapper, hub };
}

describe('the store hours form', () => {
  it('refuses 25:00 next to the field and sends nothing', async () => {
    const { wrapper, hub } = render();
    await wrapper.get('[data-testid=store-id]').setValue('sh-02');
    await wrapper.get('[data-testid=store-name]').setValue('Shanghai Xintiandi');
    const monday = wrapper.get('[data-testid=store-day-mon]');
    await monday.get('[data-testid=span-close]').setValue('25:00');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(monday.get('[data-testid=span-error]').text()).toBe('Enter a time as HH:MM (00:00–24:00)');
    expect(monday.get('[data-testid=span-close]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid=store-form-problems]').text()).toContain('Fix the problem marked below first.');
    expect(hub.sent).toHaveLength(0);
  });

  it('accepts a span past midnight, says so, and sends it as typed', async () => {
    const { wrapper, hub } = render();
    await wrapper.get('[data-testid=store-id]').setValue('sh-02');
    await wrapper.get('[data-testid=store-name]').setValue('Shanghai Xintiandi');
    const friday = wrapper.get('[data-testid=store-day-fri]');
    await friday.get('[data-testid=span-open]').setValue('22:00');
    await friday.get('[data-testid=span-close]').setValue('2:00');
    await friday.get('[data-testid=span-close]').trigger('blur');
    expect(friday.get('[data-testid=span-overnight]').text()).toBe('Runs past midnight: closes at 02:00 the next day');

    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-testid=span-error]').exists()).toBe(false);
    expect(hub.sent).toHaveLength(1);
    expect(hub.sent[0]).toMatchObject({ method: 'PUT', path: '/api/stores/sh-02' });
    expect((hub.sent[0]!.body as { hours: { fri: unknown } }).hours.fri).toEqual([{ open: '22:00', close: '02:00' }]);
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });

  it('says “closed” for a day without spans, and checks holidays and the store id in Chinese', async () => {
    const { wrapper, hub } = render('zh-CN');
    await wrapper.get('[data-testid=store-id]').setValue('sh-01');
    const sunday = wrapper.get('[data-testid=store-day-sun]');
    await sunday.get('[data-testid=span-remove]').trigger('click');
    expect(sunday.get('[data-testid=spans-closed]').text()).toBe('休息');
    await wrapper.get('[data-testid=holiday-add]').trigger('click');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(wrapper.get('[data-testid=store-id-error]').text()).toBe('这个编号已被其他门店使用');
    expect(wrapper.get('[data-testid=store-name-error]').text()).toBe('请填写此项');
    expect(wrapper.get('[data-testid=store-holiday]').text()).toContain('请填写此项');
    expect(hub.sent).toHaveLength(0);
  });

  it('shows the hub’s sentence when it refuses the store', async () => {
    const hub = fakeHub({ 'PUT /api/stores/sh-02': { status: 403, body: { error: 'You may only change the stores you look after.', code: 'forbidden' } } });
    const app = consoleTestApp({ fetch: hub.fetch, locale: 'en', role: 'store-manager' });
    const wrapper = mount(StoreForm, { props: { store: null, takenIds: [] }, global: app.global });
    await wrapper.get('[data-testid=store-id]').setValue('sh-02');
    await wrapper.get('[data-testid=store-name]').setValue('Shanghai Xintiandi');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid=store-save-error]').text()).toBe('You may only change the stores you look after.');
  });
});
