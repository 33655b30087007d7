import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../../content/schema/hub-api/console/auth.ts';
import type { TillRow } from '../../../../content/schema/hub-api/console/tills.ts';
import { consoleTestApp } from '../test-support/console-test-app.ts';
import { fakeHub } from '../test-support/fake-hub.ts';
import { NOW, kiosk, store } from '../test-support/fixtures.ts';
import CouponsPage from './CouponsPage.vue';

const reconciliation = {
  campaigns: [
    { campaignId: 'may-gift', issued: 200, redeemed: 50, redeemedTwice: 0, afterExpiry: 0, neverIssued: 0 },
    { campaignId: 'spring-draw', issued: 120, redeemed: 30, redeemedTwice: 4, afterExpiry: 1, neverIssued: 2 },
  ],
  gaps: [
    { kioskId: '1a2b3c4d', deviceId: 'sh-door-0001', from: 41, to: 43 },
    { kioskId: '99aa88bb', deviceId: null, from: 7, to: 7 },
  ],
};
const till: TillRow = { tillId: 't7', storeId: 'sh-01', name: 'Till 1', createdAt: NOW, createdBy: 'user:ada', revoked: false };

async function render(role: Role, locale: 'zh-CN' | 'en' = 'en', path = '/coupons') {
  let tills: TillRow[] = [];
  const hub = fakeHub({
    'GET /api/stores': { status: 200, body: { stores: [store('sh-01', 'Shanghai Nanjing Road')] } },
    'GET /api/kiosks': { status: 200, body: { kiosks: [kiosk({ deviceId: 'sh-door-0001', name: 'Entrance window' })], now: NOW } },
    'GET /api/coupons/reconciliation': { status: 200, body: reconciliation },
    'GET /api/tills': () => ({ status: 200, body: { tills } }),
    'POST /api/tills': () => {
      tills = [till];
      return { status: 200, body: { secret: 'tl_t7_s3cr3tS3cr3t', till } };
    },
    'POST /api/tills/t7/revoke': () => ({ status: 200, body: { ...till, revoked: true } }),
  });
  const app = consoleTestApp({ fetch: hub.fetch, role, locale });
  await app.router.push(path);
  const wrapper = mount(CouponsPage, { global: app.global, attachTo: document.body });
  await flushPromises();
  return { wrapper, hub, app };
}

const rows = (wrapper: Awaited<ReturnType<typeof render>>['wrapper']) => wrapper.get('[data-testid=reconciliation] [data-testid=chart-table]').findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text()));

describe('the coupons page', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('reconciles issued with redeemed per campaign, the odd ones first, each column explained', async () => {
    const { wrapper, hub } = await render('analyst', 'en', '/coupons?store=sh-01&period=custom&from=2025-05-01&to=2025-05-07');
    const asked = new URL(hub.sent.find((r) => r.path === '/api/coupons/reconciliation')!.url, 'http://hub').searchParams;
    expect(Object.fromEntries(asked)).toEqual({ from: String(new Date(2025, 4, 1).getTime()), to: String(new Date(2025, 4, 8).getTime()), storeId: 'sh-01' });
    expect(rows(wrapper)).toEqual([
      ['spring-draw', '120', '30', '25.0%', '4', '1', '2'],
      ['may-gift', '200', '50', '25.0%', '0', '0', '0'],
      ['Total', '320', '80', '25.0%', '4', '1', '2'],
    ]);
    expect(wrapper.get('[data-testid=reconciliation] tbody tr').attributes('data-tone')).toBe('warn');
    expect(wrapper.get('[data-testid=explain-redeemedTwice]').text()).toContain('a coupon shown again after it had been redeemed; the till refused it');
    expect(wrapper.get('[data-testid=explain-neverIssued]').text()).toContain('their kiosk may still be offline, or the code is a copy');
    expect(wrapper.get('[data-testid=explain-afterExpiry]').text()).toContain('after they had expired');
    // An analyst sees no till credentials.
    expect(wrapper.find('[data-testid=tills]').exists()).toBe(false);
  });

  it('lists the gaps in each kiosk’s coupon numbers, in Chinese', async () => {
    const { wrapper } = await render('store-manager', 'zh-CN');
    const gaps = wrapper.findAll('[data-testid=coupon-gap]').map((tr) => tr.findAll('td').map((td) => td.text()));
    expect(gaps).toEqual([
      ['Entrance window (sh-door-0001)', '第 41–43 号', '3'],
      ['未知设备（99aa88bb）', '第 7 号', '1'],
    ]);
    expect(wrapper.text()).toContain('每台设备按 1、2、3… 给自己发放的优惠券编号');
  });

  it('keeps store and period in the address', async () => {
    const { wrapper, app } = await render('admin');
    await wrapper.get('[data-testid=coupons-store]').setValue('sh-01');
    await wrapper.get('[data-testid=coupons-period-last30]').trigger('click');
    await flushPromises();
    expect(app.router.currentRoute.value.query).toEqual({ store: 'sh-01', period: 'last30' });
  });

  it('lets an admin make a till credential, shows its secret once with what to do, and revoke it', async () => {
    const { wrapper, hub } = await render('admin');
    expect(wrapper.get('[data-testid=tills-empty]').text()).toBe('No till credentials yet.');
    await wrapper.get('[data-testid=till-form-new]').trigger('submit');
    expect(wrapper.text()).toContain('Name the till');
    expect(hub.sent.filter((r) => r.method === 'POST')).toHaveLength(0);

    await wrapper.get('[data-testid=till-new-name]').setValue('Till 1');
    await wrapper.get('[data-testid=till-form-new]').trigger('submit');
    await flushPromises();
    expect(hub.sent.filter((r) => r.method === 'POST')[0]!.body).toEqual({ storeId: 'sh-01', name: 'Till 1' });
    expect(wrapper.get('[data-testid=till-secret]').text()).toBe('tl_t7_s3cr3tS3cr3t');
    const shown = wrapper.get('[data-testid=till-new]').text();
    expect(shown).toContain('It is shown this once');
    expect(shown).toContain(`${window.location.origin}/v1/redemptions`);
    expect(shown).toContain('Authorization: Bearer');
    expect(wrapper.get('[data-testid=tills-list]').text()).not.toContain('tl_t7_s3cr3tS3cr3t');

    await wrapper.get('[data-testid=till-done]').trigger('click');
    expect(wrapper.html()).not.toContain('tl_t7_s3cr3tS3cr3t');
    expect(wrapper.get('[data-testid=till-row]').text()).toContain('Shanghai Nanjing Road');
    expect(wrapper.get('[data-testid=till-state]').text()).toBe('Active');

    await wrapper.get('[data-testid=till-revoke]').trigger('click');
    expect(wrapper.text()).toContain('will no longer be able to redeem coupons');
    await wrapper.get('[data-testid=till-revoke-confirm]').trigger('click');
    await flushPromises();
    expect(hub.sent.at(-1)).toMatchObject({ method: 'POST', path: '/api/tills/t7/revoke' });
    expect(wrapper.get('[data-testid=till-state]').text()).toBe('Revoked');
  });
});
