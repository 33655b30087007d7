import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import type * as FsPromises from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PackStore } from '../../content/lib/index.ts';
import { buildSampleKpack, trustedTestKeys } from '../../content/lib/testing/sample-pack.ts';
import { makeTempDir } from '../../content/lib/testing/temp-dirs.ts';
import { treeHash, treeListing } from '../../content/lib/testing/tree-hash.ts';

// A power cut, as far as the disk can tell: while it is on, nothing gets cleaned up.
const power = vi.hoisted(() => ({ cut: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof FsPromises>();
  return { ...fs, rm: (...args: Parameters<typeof fs.rm>) => (power.cut ? Promise.resolve() : fs.rm(...args)) };
});
import type { TrustedKey } from '../../content/schema/kiosk-config.ts';
import type { ActivePack } from '../common/kiosk-api.ts';
import type { HostNotice } from '../common/pack-admin.ts';
import { PackService } from './pack-service.ts';

let temp: { dir: string; remove: () => Promise<void> };
let v1: string;
let v2: string;
let keys: TrustedKey[];

beforeAll(async () => {
  temp = await makeTempDir('kiosk-pack-service-');
  keys = await trustedTestKeys();
  v1 = (await buildSampleKpack(path.join(temp.dir, 'v1'))).kpack;
  v2 = (await buildSampleKpack(path.join(temp.dir, 'v2'), { meta: { version: '1.1.0' } })).kpack;
}, 120_000);
afterAll(() => temp.remove());

async function setup(name: string, options: { bundled?: boolean; trustedKeys?: TrustedKey[] } = {}) {
  const store = await PackStore.open(path.join(temp.dir, name));
  const switches: ActivePack[] = [];
  const notices: HostNotice[] = [];
  const timers: (() => void)[] = [];
  const service = new PackService({
    store,
    trustedKeys: () => options.trustedKeys ?? keys,
    kiosk: { storeId: 'demo-store', kioskId: 'kiosk-1' },
    bundled: options.bundled ? { file: v1, trustedKeys: keys } : null,
    readyTimeoutMs: 60_000,
    onActivePackChanged: (p) => switches.push(p),
    onNotice: (n) => notices.push(n),
    log: () => undefined,
    setTimeout: (fn) => timers.push(fn),
    clearTimeout: () => undefined,
  });
  return { store, service, switches, notices, fireTimers: () => timers.splice(0).forEach((fn) => fn()) };
}

describe('pack service', () => {
  it('installs the bundled pack on first start and serves it', async () => {
    const { service, switches, notices } = await setup('first-start', { bundled: true });
    await service.start();
    expect(service.active()).toMatchObject({ packId: 'sample', version: '1.0.0', baseUrl: 'pack://active/' });
    expect(switches).toHaveLength(1);
    expect(notices.map((n) => n.kind)).toEqual(['pack-activated']);
    expect(service.activeDir()).toMatch(/packs\/sample@1\.0\.0-1$/);
  });

  it('never switches mid-session: a new pack waits for the next idle moment', async () => {
    const { service, switches } = await setup('mid-session', { bundled: true });
    await service.start();
    await service.rendererReady(service.active()!);
    await service.setSessionState('active');
    expect(await service.importFile(v2, 'folder')).toBe(true);
    expect(service.active()?.version).toBe('1.0.0');
    expect(switches.map((s) => s.version)).toEqual(['1.0.0']);
    await service.setSessionState('idle');
    expect(service.active()?.version).toBe('1.1.0');
    expect(switches.map((s) => s.version)).toEqual(['1.0.0', '1.1.0']);
  });

  it('rolls back by itself when the renderer never starts on the new pack', async () => {
    const { service, switches, notices, fireTimers } = await setup('no-ready', { bundled: true });
    await service.start();
    await service.rendererReady(service.active()!);
    await service.importFile(v2, 'url');
    expect(service.active()?.version).toBe('1.1.0');
    fireTimers();
    await service.setSessionState('idle'); // let the queued rollback finish
    expect(service.active()?.version).toBe('1.0.0');
    expect(switches.map((s) => s.version)).toEqual(['1.0.0', '1.1.0', '1.0.0']);
    expect(notices.at(-1)).toMatchObject({ kind: 'pack-rolled-back', version: '1.1.0', toVersion: '1.0.0' });
    // Counted for the hub's heartbeat; a rollback with nothing to go back to is not one.
    expect(service.rollbackCount()).toBe(1);
    expect(await service.rollback('admin asked')).toBe(false);
    expect(service.rollbackCount()).toBe(1);
  });

  it('keeps a pack the renderer confirmed, even when the timer fires later', async () => {
    const { service, fireTimers } = await setup('confirmed', { bundled: true });
    await service.start();
    await service.rendererReady(service.active()!);
    await service.importFile(v2, 'url');
    await service.rendererReady(service.active()!);
    fireTimers();
    await service.setSessionState('idle');
    expect(service.active()?.version).toBe('1.1.0');
  });

  it('reports a bad pack from a USB stick and leaves the active pack byte-for-byte as it was', async () => {
    const { service, store, notices } = await setup('bad-usb', { bundled: true });
    await service.start();
    const before = await treeHash(store.root + '/packs');
    const stick = path.join(temp.dir, 'stick');
    await mkdir(stick, { recursive: true });
    const tampered = path.join(stick, 'tampered.kpack');
    await copyFile(v2, tampered);
    const bytes = await readFile(tampered);
    const at = Math.floor(bytes.length / 3);
    bytes[at] = bytes[at]! ^ 0xff;
    await writeFile(tampered, bytes);
    expect(await service.importFile(tampered, 'folder')).toBe(false);
    expect(service.active()?.version).toBe('1.0.0');
    expect(await treeHash(store.root + '/packs')).toBe(before);
    const failure = notices.at(-1);
    expect(failure).toMatchObject({ kind: 'pack-import-failed', source: 'folder', file: 'tampered.kpack' });
    expect(service.lastImportError()).toContain('tampered.kpack');
  });

  it('trusts the bundled key for the bundled pack only: a folder pack signed by it alone is refused', async () => {
    // The kiosk's settings trust no key; the demo pack inside the app is trusted by its own.
    const { service, notices } = await setup('untrusted', { bundled: true, trustedKeys: [] });
    await service.start();
    expect(service.active()?.version).toBe('1.0.0');
    // v2 is signed with the very key the bundled pack is trusted by.
    expect(await service.importFile(v2, 'folder')).toBe(false);
    expect(notices.at(-1)).toMatchObject({ kind: 'pack-import-failed', source: 'folder', code: 'unknown-key' });
    expect(service.lastImportError()).toMatch(/signed with a key this kiosk does not trust/);
    expect(service.active()?.version).toBe('1.0.0');
  });

  it('checks a pack for the admin without installing it', async () => {
    const { service } = await setup('check', { bundled: true });
    await service.start();
    expect(await service.check(v2)).toMatchObject({ ok: true, packId: 'sample', version: '1.1.0', productCount: 3 });
    expect(service.active()?.version).toBe('1.0.0');
    const report = await service.check(path.join(temp.dir, 'missing.kpack'));
    expect(report.ok).toBe(false);
  });

  it('leaves nothing behind once the kiosk restarts after a power cut during a check', async () => {
    const { service, store } = await setup('check-power-cut', { bundled: true });
    await service.start();
    const before = await treeListing(store.root);
    power.cut = true;
    try {
      expect(await service.check(v2)).toMatchObject({ ok: true });
    } finally {
      power.cut = false;
    }
    // The check's unpacked copy survived the cut…
    expect((await treeListing(store.root)).length).toBeGreaterThan(before.length);
    // …and is gone when the kiosk opens its store again.
    const reopened = await PackStore.open(store.root);
    expect(await treeListing(reopened.root)).toEqual(before);
    expect(reopened.active()?.version).toBe('1.0.0');
  });

  it('keeps notices until the renderer acknowledges them', async () => {
    const { service } = await setup('notices', { bundled: true });
    await service.start();
    await service.importFile(v2, 'admin');
    const pending = service.pendingNotices();
    expect(pending.map((n) => n.kind)).toEqual(['pack-activated', 'pack-activated']);
    service.ackNotices(pending[0]!.id);
    expect(service.pendingNotices()).toHaveLength(1);
  });
});
