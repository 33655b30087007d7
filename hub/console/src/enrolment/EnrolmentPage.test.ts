import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { EnrolmentSecretRow } from '../../../../content/schema/hub-api/console/fleet.ts';
import { consoleTestApp } from '../test-support/console-test-app.ts';
import { fakeHub } from '../test-support/fake-hub.ts';
import { NOW, store } from '../test-support/fixtures.ts';
import EnrolmentPage from './EnrolmentPage.vue';

const made: EnrolmentSecretRow = {
  id: 42,
  kind: 'code',
  storeId: 'sh-01',
  kioskName: 'Entrance window',
  createdAt: new Date(NOW).toISOString(),
  createdBy: 'ada',
  expiresAt: Date.now() + 24 * 3_600_000,
  uses: 0,
  revoked: false,
};

async function render(locale: 'zh-CN' | 'en' = 'en') {
  let rows: EnrolmentSecretRow[] = [];
  const hub = fakeHub({
    'GET /api/stores': { status: 200, body: { stores: [store('sh-01', 'Shanghai Nanjing Road')] } },
    'GET /api/enrolment': () => ({ status: 200, body: { secrets: rows } }),
    'POST /api/enrolment': () => {
      rows = [made];
      return { status: 200, body: { secret: 'K7Q2-M9XD', row: made } };
    },
    'POST /api/enrolment/42/revoke': () => {
      rows = [{ ...made, revoked: true }];
      return { status: 200, body: rows[0] };
    },
  });
  const app = consoleTestApp({ fetch: hub.fetch, locale });
  await app.router.push('/enrolment');
  const wrapper = mount(EnrolmentPage, { global: app.global });
  await flushPromises();
  return { wrapper, hub };
}

describe('the enrolment page', () => {
  it('shows a new code once, large, with where to type it — and never again', async () => {
    const { wrapper, hub } = await render();
    expect(wrapper.get('[data-testid=enrolment-empty]').text()).toContain('No codes or tokens yet');
    await wrapper.get('[data-testid=enrolment-kiosk-name]').setValue('Entrance window');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(hub.sent.filter((r) => r.method === 'POST')[0]!.body).toEqual({ kind: 'code', storeId: 'sh-01', kioskName: 'Entrance window', validHours: 24 });
    expect(wrapper.get('[data-testid=enrolment-secret]').text()).toBe('K7Q2-M9XD');
    expect(wrapper.get('[data-testid=enrolment-new]').text()).toContain('It is shown this once');
    expect(wrapper.get('[data-testid=enrolment-new]').text()).toContain('admin screen');
    expect(wrapper.get('[data-testid=enrolment-list]').text()).toContain('Shanghai Nanjing Road');
    expect(wrapper.get('[data-testid=enrolment-list]').text()).not.toContain('K7Q2-M9XD');

    await wrapper.get('[data-testid=enrolment-done]').trigger('click');
    expect(wrapper.find('[data-testid=enrolment-secret]').exists()).toBe(false);
    expect(wrapper.html()).not.toContain('K7Q2-M9XD');
    expect(wrapper.get('[data-testid=enrolment-row]').text()).toContain('Active');
  });

  it('says where a token goes (kiosk.json) in Chinese', async () => {
    const hub = fakeHub({
      'GET /api/stores': { status: 200, body: { stores: [store('sh-01', '南京路店')] } },
      'GET /api/enrolment': { status: 200, body: { secrets: [] } },
      'POST /api/enrolment': { status: 200, body: { secret: 'et_9s8d7f6g5h4j3k2l', row: { ...made, kind: 'token', kioskName: null } } },
    });
    const app = consoleTestApp({ fetch: hub.fetch, locale: 'zh-CN' });
    const wrapper = mount(EnrolmentPage, { global: app.global });
    await flushPromises();
    await wrapper.get('[data-testid=enrolment-kind-token]').setValue(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    const shown = wrapper.get('[data-testid=enrolment-new]').text();
    expect(shown).toContain('新的注册令牌');
    expect(shown).toContain('hub.enrolmentToken');
    expect(shown).toContain('"enrolmentToken": "et_9s8d7f6g5h4j3k2l"');
    expect(shown).toContain(`"url": "${window.location.origin}"`);
  });

  it('revokes a code after asking', async () => {
    const { wrapper } = await render();
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    await wrapper.get('[data-testid=enrolment-done]').trigger('click');
    await wrapper.get('[data-testid=enrolment-revoke]').trigger('click');
    expect(wrapper.text()).toContain('It will enrol no more kiosks');
    await wrapper.get('[data-testid=enrolment-revoke-confirm]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid=enrolment-state]').text()).toBe('Revoked');
  });
});
