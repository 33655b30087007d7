import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { consoleTestApp } from '../test-support/console-test-app.ts';
import { fakeHub } from '../test-support/fake-hub.ts';
import { kiosk, NOW } from '../test-support/fixtures.ts';
import KioskDetails from './KioskDetails.vue';

function details(over: Parameters<typeof kiosk>[0], locale: 'en' | 'zh-CN' = 'en') {
  const app = consoleTestApp({ fetch: fakeHub({}).fetch, locale, role: 'store-manager' });
  return mount(KioskDetails, { props: { kiosk: kiosk(over), storeName: 'Nanjing Road', now: NOW }, global: app.global });
}

describe('the self-update on the kiosk page', () => {
  it('shows the download’s progress and the version on its way', () => {
    const w = details({ deviceId: 'k-1', update: { state: 'downloading', currentVersion: '1.4.0', availableVersion: '1.5.0', percent: 42.5, message: null, lastCheckAt: NOW - 60_000 } });
    expect(w.get('[data-testid=kiosk-update]').text()).toBe('Downloading · 1.4.0 → 1.5.0 · 43% · checked 1 min ago');
  });

  it('shows a way back taken as a problem, with the kiosk’s reason', () => {
    const w = details(
      { deviceId: 'k-1', update: { state: 'rolled-back', currentVersion: '1.4.0', availableVersion: '1.5.0', percent: null, message: 'Went back from 1.5.0 to 1.4.0: 1.5.0 did not show a working screen within 180 s of starting.', lastCheckAt: null } },
      'zh-CN',
    );
    const line = w.get('[data-testid=kiosk-update]');
    expect(line.text()).toBe('已回退到上一版本 · 1.4.0 → 1.5.0 — Went back from 1.5.0 to 1.4.0: 1.5.0 did not show a working screen within 180 s of starting.');
    expect(line.classes()).toContain('problem');
  });

  it('says so for a kiosk that does not update itself', () => {
    expect(details({ deviceId: 'k-1', update: null }).get('[data-testid=kiosk-update]').text()).toBe('Does not update itself (browser mode, or an older app)');
  });
});
