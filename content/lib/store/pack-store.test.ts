import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeHostilePacks, type HostileCase } from '../testing/hostile-packs.ts';
import { buildSampleKpack, trustedTestKeys } from '../testing/sample-pack.ts';
import { makeTempDir } from '../testing/temp-dirs.ts';
import { treeHash } from '../testing/tree-hash.ts';
import { PackStore } from './pack-store.ts';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
let packs: { cases: HostileCase[]; good: string };
let v2: string;
beforeAll(async () => {
  tmp = await makeTempDir('kiosk-store-');
  packs = await makeHostilePacks(path.join(tmp.dir, 'hostile'));
  v2 = (await buildSampleKpack(path.join(tmp.dir, 'v2'), { meta: { version: '2.0.0' } })).kpack;
}, 60_000);
afterAll(() => tmp.remove());

let root: string;
let n = 0;
beforeEach(() => {
  root = path.join(tmp.dir, `store-${++n}`);
});

async function stageAndActivate(store: PackStore, file: string) {
  const staged = await store.stage(file, { trustedKeys: await trustedTestKeys() });
  return store.activate(staged.dir);
}

describe('PackStore', () => {
  it('activates a staged pack and keeps the one before it for rollback', async () => {
    const store = await PackStore.open(root);
    expect(store.activeDir()).toBeNull();
    const first = await stageAndActivate(store, packs.good);
    expect(first).toMatchObject({ packId: 'sample', version: '1.0.0', activation: 1, confirmed: false, dir: 'packs/sample@1.0.0-1' });
    expect(store.activeDir()).toBe(path.join(root, 'packs/sample@1.0.0-1'));
    expect(JSON.parse(await readFile(path.join(store.activeDir()!, 'manifest.json'), 'utf8')).version).toBe('1.0.0');
    await store.markGood();
    const second = await stageAndActivate(store, v2);
    expect(second).toMatchObject({ version: '2.0.0', activation: 2 });
    expect(store.previous()).toMatchObject({ version: '1.0.0', confirmed: true });
    expect(await readdir(path.join(root, 'staging'))).toEqual([]);
  });

  it('survives a restart: the pointer is on disk', async () => {
    const store = await PackStore.open(root);
    await stageAndActivate(store, packs.good);
    await stageAndActivate(store, v2);
    const reopened = await PackStore.open(root);
    expect(reopened.active()).toEqual(store.active());
    expect(reopened.previous()).toEqual(store.previous());
  });

  it('rolls back to the previous pack with a new activation number, and remembers what failed', async () => {
    const store = await PackStore.open(root);
    await stageAndActivate(store, packs.good);
    await store.markGood();
    await stageAndActivate(store, v2);
    expect(store.isPendingConfirmation()).toBe(true);
    const restored = await store.rollback('renderer did not start');
    expect(restored).toMatchObject({ version: '1.0.0', activation: 3, confirmed: true });
    expect(store.activeDir()).toBe(path.join(root, 'packs/sample@1.0.0-1'));
    expect(store.lastRolledBack()).toMatchObject({ version: '2.0.0', reason: 'renderer did not start' });
    expect(store.isPendingConfirmation()).toBe(false);
    expect(await store.rollback()).toBeNull();
  });

  it('rolls back on its own when a new pack is not confirmed after several starts', async () => {
    const store = await PackStore.open(root);
    await stageAndActivate(store, packs.good);
    await store.markGood();
    await stageAndActivate(store, v2);
    expect(await store.recordStartAttempt(3)).toBe('pending');
    expect(await (await PackStore.open(root)).recordStartAttempt(3)).toBe('pending');
    const third = await PackStore.open(root);
    expect(await third.recordStartAttempt(3)).toBe('rolled-back');
    expect(third.active()).toMatchObject({ version: '1.0.0' });
    expect(await third.recordStartAttempt(3)).toBe('confirmed');
  });

  it('keeps a pack once the renderer confirmed it', async () => {
    const store = await PackStore.open(root);
    await stageAndActivate(store, packs.good);
    await store.markGood();
    expect(await store.recordStartAttempt(1)).toBe('confirmed');
    expect((await PackStore.open(root)).isPendingConfirmation()).toBe(false);
  });

  it('prunes older packs to stay within the disk budget, never the active or previous one', async () => {
    const store = await PackStore.open(root, { diskBudgetBytes: 1 });
    for (const file of [packs.good, v2, packs.good, v2]) await stageAndActivate(store, file);
    expect((await readdir(path.join(root, 'packs'))).sort()).toEqual(['sample@1.0.0-3', 'sample@2.0.0-4']);
    const roomy = await PackStore.open(path.join(root, 'roomy'));
    for (const file of [packs.good, v2, packs.good]) await stageAndActivate(roomy, file);
    expect(await readdir(path.join(root, 'roomy', 'packs'))).toHaveLength(3);
  });

  it('clears interrupted imports at start-up and falls back when the active pack is gone', async () => {
    const store = await PackStore.open(root);
    await stageAndActivate(store, packs.good);
    await stageAndActivate(store, v2);
    await mkdir(path.join(root, 'staging', 'half-done'), { recursive: true });
    await writeFile(path.join(root, 'active.json.1234.tmp'), '{');
    await rm(path.join(root, 'packs', 'sample@2.0.0-2'), { recursive: true });
    const reopened = await PackStore.open(root);
    expect(reopened.active()).toMatchObject({ version: '1.0.0' });
    expect(await readdir(path.join(root, 'staging'))).toEqual([]);
    expect((await readdir(root)).sort()).toEqual(['active.json', 'packs', 'staging']);
  });

  it('only activates directories from its own staging area', async () => {
    const store = await PackStore.open(root);
    await expect(store.activate(tmp.dir)).rejects.toThrow(/not a staging directory/);
  });

  it('leaves the active pack byte for byte unchanged when any hostile or broken pack is refused', async () => {
    const store = await PackStore.open(root);
    await stageAndActivate(store, packs.good);
    await store.markGood();
    const active = store.activeDir()!;
    const before = await treeHash(active);
    const pointer = await readFile(path.join(root, 'active.json'));
    for (const hostile of packs.cases) {
      await expect(store.stage(hostile.file, { trustedKeys: await trustedTestKeys(), ...hostile.options }), hostile.name).rejects.toMatchObject({ code: hostile.code });
      expect(await treeHash(active), hostile.name).toBe(before);
      expect(await readFile(path.join(root, 'active.json')), hostile.name).toEqual(pointer);
      expect(await readdir(path.join(root, 'staging')), hostile.name).toEqual([]);
      expect(await readdir(path.join(root, 'packs')), hostile.name).toEqual(['sample@1.0.0-1']);
    }
  }, 60_000);
});
