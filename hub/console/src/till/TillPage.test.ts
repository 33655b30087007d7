import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RedeemAnswer } from '../../../../content/schema/hub-api/redemptions.ts';
import { consoleTestApp } from '../test-support/console-test-app.ts';
import { ALREADY, COUPON, FORGED, REDEEMED } from '../test-support/analytics-fixtures.ts';
import { fakeHub, type FakeRoute } from '../test-support/fake-hub.ts';
import { store } from '../test-support/fixtures.ts';
import TillPage from './TillPage.vue';
import { TILL_STORE_KEY } from './till-store.ts';

const TOKEN = 'AEBAGBAFAYDQQCIKBMGA2DQPCAIREEYUCULBOGAZDINRYHI6D4QA';
const STORES = { status: 200, body: { stores: [store('sh-01', '上海南京路店'), store('sh-02', '上海静安店')] } };

async function render(redeem: FakeRoute, locale: 'zh-CN' | 'en' = 'en') {
  localStorage.setItem(TILL_STORE_KEY, 'sh-01');
  const hub = fakeHub({ 'GET /api/stores': STORES, 'POST /api/till/redeem': redeem });
  const app = consoleTestApp({ fetch: hub.fetch, role: 'store-manager', locale });
  await app.router.push('/till');
  const wrapper = mount(TillPage, { global: app.global, attachTo: document.body });
  await flushPromises();
  return { wrapper, hub };
}

/** What a USB scanner does: types the code into the focused field and presses Enter. */
async function scan(wrapper: VueWrapper, text: string): Promise<void> {
  const field = wrapper.get('[data-testid=till-token]');
  expect(document.activeElement).toBe(field.element);
  await field.setValue(text);
  await wrapper.get('[data-testid=till-form]').trigger('submit');
  await flushPromises();
}

const headline = (wrapper: VueWrapper) => wrapper.get('[data-testid=till-verdict-headline]').text();
const lines = (wrapper: VueWrapper) => wrapper.findAll('[data-testid=till-verdict-line]').map((l) => l.text());
const answer = (status: number, body: RedeemAnswer): FakeRoute => ({ status, body });

describe('the till page', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('redeems a valid coupon as the chosen store and says so large, with the reward', async () => {
    const { wrapper, hub } = await render(answer(200, REDEEMED));
    expect(wrapper.get('[data-testid=till-acting]').text()).toBe('This page redeems coupons as the till of “上海南京路店”.');
    expect(wrapper.get('[data-testid=till-ready]').text()).toBe('Scan the shopper’s coupon QR code');

    await scan(wrapper, `  ${TOKEN}\r`);
    expect(hub.sent.filter((r) => r.method === 'POST')).toEqual([
      expect.objectContaining({ path: '/api/till/redeem', body: { storeId: 'sh-01', token: TOKEN }, headers: expect.objectContaining({ 'x-csrf-token': 'csrf-test-token' }) }),
    ]);
    expect(wrapper.get('[data-testid=till-verdict]').attributes('data-verdict')).toBe('valid');
    expect(wrapper.get('[data-testid=till-verdict]').classes()).toContain('ok');
    expect(headline(wrapper)).toBe('Valid: ¥10 off');
    expect(lines(wrapper)[0]).toContain('Give the shopper this reward');
  });

  it('says it in Chinese: 有效：立减 ¥10, and 9折 for ten percent off', async () => {
    const { wrapper } = await render(answer(200, REDEEMED), 'zh-CN');
    await scan(wrapper, TOKEN);
    expect(headline(wrapper)).toBe('有效：立减 ¥10');
    const percent = await render(answer(200, { result: 'redeemed', coupon: { ...COUPON, reward: { kind: 'percent-off', value: 10 } } }), 'zh-CN');
    await scan(percent.wrapper, TOKEN);
    expect(headline(percent.wrapper)).toBe('有效：9折');
    const gift = await render(answer(200, { result: 'redeemed', coupon: { ...COUPON, reward: { kind: 'gift', value: 0 } } }), 'en');
    await scan(gift.wrapper, TOKEN);
    expect(headline(gift.wrapper)).toBe('Valid: free gift');
  });

  it('says when and where a coupon was already used, in both languages', async () => {
    const { wrapper } = await render(answer(409, ALREADY), 'zh-CN');
    await scan(wrapper, TOKEN);
    expect(wrapper.get('[data-testid=till-verdict]').attributes('data-verdict')).toBe('used');
    expect(wrapper.get('[data-testid=till-verdict]').classes()).toContain('bad');
    expect(headline(wrapper)).toBe('已于 12-03 14:05 在 上海静安店 使用');
    expect(lines(wrapper)).toContain('请勿再次给予优惠。');

    const en = await render(answer(409, ALREADY), 'en');
    await scan(en.wrapper, TOKEN);
    expect(headline(en.wrapper)).toBe('Already used on 12-03 14:05 at 上海静安店');
    expect(lines(en.wrapper)).toEqual(['Do not give the reward again.', 'Reward: ¥10 off', 'Till that took it: Till 1']);
  });

  it('refuses a forged or expired coupon in plain words, in both languages', async () => {
    const forged = await render(answer(422, FORGED), 'en');
    await scan(forged.wrapper, TOKEN);
    expect(forged.wrapper.get('[data-testid=till-verdict]').attributes('data-verdict')).toBe('refused');
    expect(headline(forged.wrapper)).toBe('Refused: forged or tampered with');
    expect(lines(forged.wrapper)[0]).toBe('The coupon’s signature does not match: it is forged or was changed. Do not give the reward.');

    const zh = await render(answer(422, FORGED), 'zh-CN');
    await scan(zh.wrapper, TOKEN);
    expect(headline(zh.wrapper)).toBe('无效：伪造或被篡改');

    const expiresAt = new Date(new Date().getFullYear(), 4, 8, 16, 0).toISOString();
    const expired = await render(answer(422, { result: 'refused', reason: 'expired', detail: 'expired', coupon: { ...COUPON, expiresAt }, first: null }), 'zh-CN');
    await scan(expired.wrapper, TOKEN);
    expect(headline(expired.wrapper)).toBe('无效：已过期');
    expect(lines(expired.wrapper)[0]).toBe('这张优惠券已于 05-08 16:00 过期。请勿给予优惠。');

    const unknown = await render(answer(422, { result: 'refused', reason: 'unknown-key', detail: 'no such kiosk key', coupon: null, first: null }), 'en');
    await scan(unknown.wrapper, TOKEN);
    expect(headline(unknown.wrapper)).toBe('Refused: unknown kiosk');
  });

  it('is ready for the next coupon at once: the field empty and focused, and “next” clears the answer', async () => {
    let answers = [answer(409, ALREADY), answer(200, REDEEMED)];
    const { wrapper, hub } = await render(() => answers.shift() as { status: number; body: RedeemAnswer });
    await scan(wrapper, TOKEN);
    expect(headline(wrapper)).toBe('Already used on 12-03 14:05 at 上海静安店');
    const field = wrapper.get('[data-testid=till-token]');
    expect((field.element as HTMLInputElement).value).toBe('');
    expect(document.activeElement).toBe(field.element);

    // The next scan replaces the answer straight away.
    await scan(wrapper, `${TOKEN}XYZ`);
    expect(headline(wrapper)).toBe('Valid: ¥10 off');
    expect(hub.sent.filter((r) => r.method === 'POST')).toHaveLength(2);

    await wrapper.get('[data-testid=till-next]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid=till-verdict]').exists()).toBe(false);
    expect(wrapper.get('[data-testid=till-ready]').text()).toBe('Scan the shopper’s coupon QR code');
    expect(document.activeElement).toBe(field.element);
    answers = [];
  });

  it('says “not checked” when the hub cannot be reached, and never sends what is not a coupon', async () => {
    const { wrapper, hub } = await render({ status: 503, body: { error: 'busy', code: 'unavailable' } });
    await scan(wrapper, 'short');
    expect(wrapper.get('[data-testid=till-input-problem]').text()).toBe('Too short to be a coupon code. Scan it again.');
    expect(hub.sent.filter((r) => r.method === 'POST')).toHaveLength(0);

    await scan(wrapper, TOKEN);
    expect(wrapper.get('[data-testid=till-verdict]').attributes('data-verdict')).toBe('unchecked');
    expect(headline(wrapper)).toBe('Not checked');
    expect(lines(wrapper)).toContain('The coupon has not been redeemed. Try again in a moment, or ask an admin.');
  });

  it('asks for the store first when none is remembered, then remembers the choice', async () => {
    const hub = fakeHub({ 'GET /api/stores': STORES, 'POST /api/till/redeem': answer(200, REDEEMED) });
    const app = consoleTestApp({ fetch: hub.fetch, role: 'admin', locale: 'en' });
    const wrapper = mount(TillPage, { global: app.global, attachTo: document.body });
    await flushPromises();
    expect(wrapper.get('[data-testid=till-no-store]').text()).toBe('Pick the store this till is in first.');
    await wrapper.get('[data-testid=till-store]').setValue('sh-02');
    await flushPromises();
    expect(localStorage.getItem(TILL_STORE_KEY)).toBe('sh-02');
    await scan(wrapper, TOKEN);
    expect(hub.sent.at(-1)!.body).toEqual({ storeId: 'sh-02', token: TOKEN });
  });

  it('explains when the camera cannot be used here, and the field still works', async () => {
    const { wrapper } = await render(answer(200, REDEEMED));
    await wrapper.get('[data-testid=till-camera-start]').trigger('click');
    await flushPromises();
    // happy-dom has no camera (and the console may be on plain http).
    expect(wrapper.get('[data-testid=till-camera-problem]').text()).toMatch(/^(A camera works only when the console is opened over https|No camera was found)/);
    expect(wrapper.find('[data-testid=till-token]').exists()).toBe(true);
  });
});
