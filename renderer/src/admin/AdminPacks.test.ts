import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { KioskApi } from '../../../electron/common/kiosk-api.ts';
import type { PackCheckReport } from '../../../electron/common/pack-admin.ts';
import { hostKey } from '../host/host-key.ts';
import { createKioskI18n } from '../i18n/index.ts';
import AdminPacks from './AdminPacks.vue';

function mountWith(reports: Record<string, PackCheckReport>) {
  const installed: string[] = [];
  const host = {
    admin: {
      listPackFiles: async () => [
        { id: 'aaaaaaaaaaaaaaaa', name: 'spring.kpack', folder: '/media/kiosk/STICK', size: 12_000_000, modifiedAt: '2026-11-20T10:00:00Z' },
        { id: 'bbbbbbbbbbbbbbbb', name: 'broken.kpack', folder: '/media/kiosk/STICK', size: 5_000_000, modifiedAt: '2026-11-19T10:00:00Z' },
      ],
      checkPackFile: async (id: string) => reports[id]!,
      installPackFile: async (id: string) => {
        installed.push(id);
        return { ok: true as const };
      },
      rollbackPack: async () => ({ ok: false as const, message: 'There is no previous pack to go back to.' }),
    },
  } as unknown as KioskApi;
  const wrapper = mount(AdminPacks, { global: { plugins: [createKioskI18n('en')], provide: { [hostKey as symbol]: host } } });
  return { wrapper, installed };
}

describe('admin: content packs', () => {
  it('lists packs on a stick, shows the check report, installs only what the admin confirms', async () => {
    const { wrapper, installed } = mountWith({
      aaaaaaaaaaaaaaaa: { ok: true, packId: 'spring', version: '2.0.0', title: '春季 / Spring', productCount: 64, validTo: null },
      bbbbbbbbbbbbbbbb: { ok: false, code: 'hash-mismatch', message: 'media/apple.png was changed after the pack was signed', problems: [] },
    });
    await wrapper.get('[data-testid="admin-packs-find"]').trigger('click');
    await flushPromises();
    expect(wrapper.text()).toContain('spring.kpack');
    expect(wrapper.text()).toContain('broken.kpack');

    const checks = wrapper.findAll('button').filter((b) => b.text() === 'Check');
    await checks[1]!.trigger('click');
    await flushPromises();
    expect(wrapper.text()).toContain('media/apple.png was changed after the pack was signed');
    expect(wrapper.findAll('button').some((b) => b.text() === 'Install')).toBe(false);

    await checks[0]!.trigger('click');
    await flushPromises();
    expect(wrapper.text()).toContain('Ready to install: 春季 / Spring (spring 2.0.0, 64 products)');
    await wrapper.findAll('button').find((b) => b.text() === 'Install')!.trigger('click');
    await flushPromises();
    expect(installed).toEqual(['aaaaaaaaaaaaaaaa']);
    expect(wrapper.get('[data-testid="admin-packs-message"]').text()).toContain('it starts when nobody is using the screen');
  });

  it('says why a rollback is not possible', async () => {
    const { wrapper } = mountWith({});
    await wrapper.get('[data-testid="admin-packs-rollback"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="admin-packs-message"]').text()).toBe('There is no previous pack to go back to.');
  });
});
