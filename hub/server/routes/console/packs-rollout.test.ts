import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSampleKpack } from '../../../../content/lib/testing/sample-pack.ts';
import { makeTempDir } from '../../../../content/lib/testing/temp-dirs.ts';
import { CONSOLE_API, KIOSK_API } from '../../../../content/schema/hub-api/index.ts';
import { describeEachDatabase } from '../../../store/testing/each-database.ts';
import { heartbeat, testHub, type ConsoleSession, type TestHub } from '../../testing/hub-fixture.ts';
import { kioskBucket } from '../../packs/assignment.ts';
import { signIn, trustTestKey, uploadPack } from '../../testing/pack-fixture.ts';

let temp: { dir: string; remove: () => Promise<void> };
let v1: string;
let v2: string;

beforeAll(async () => {
  temp = await makeTempDir('hub-rollouts-');
  await mkdir(path.join(temp.dir, 'v1'));
  await mkdir(path.join(temp.dir, 'v2'));
  v1 = (await buildSampleKpack(path.join(temp.dir, 'v1'))).kpack;
  v2 = (await buildSampleKpack(path.join(temp.dir, 'v2'), { meta: { version: '1.1.0' } })).kpack;
}, 60_000);
afterAll(() => temp.remove());

/** Which pack version each kiosk's download answers with (null: nothing assigned, 204). */
async function downloads(t: TestHub, kiosks: Record<string, string>): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const [name, token] of Object.entries(kiosks)) {
    const res = await t.call(KIOSK_API.pack, {}, { kiosk: token });
    if (res.statusCode === 204) out[name] = null;
    else {
      expect(res.statusCode, name).toBe(200);
      out[name] = /@([^"]+)\.kpack/.exec(String(res.headers['content-disposition']))?.[1] ?? '?';
    }
  }
  return out;
}

async function setup(t: TestHub) {
  await trustTestKey(t);
  const session = await signIn(t, 'mei', 'merchandiser');
  const kiosks = { pilot: await t.enrol('kiosk-pilot-1', 'sh-001'), shop: await t.enrol('kiosk-shop-1', 'sh-001'), elsewhere: await t.enrol('kiosk-bj-1', 'bj-001') };
  const grouped = await t.call(CONSOLE_API.putKioskGroups, { params: { deviceId: 'kiosk-pilot-1' }, body: { groups: ['pilot'] } }, { session });
  expect(grouped.json()).toEqual({ deviceId: 'kiosk-pilot-1', groups: ['pilot'] });
  const upload = async (file: string, s: ConsoleSession) => {
    const res = await uploadPack(t, file, { session: s });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().pack.id as string;
  };
  const first = await upload(v1, session);
  t.clock.advance(60_000);
  return { session, kiosks, first, second: await upload(v2, session) };
}

describeEachDatabase('rollouts', (fixture) => {
  it('publishes to the pilot group first, then the whole store; a rollback sends them back to what they had', { timeout: 60_000 }, async () => {
    const t = await testHub(await fixture.open());
    const { session, kiosks, first, second } = await setup(t);
    expect(await downloads(t, kiosks)).toEqual({ pilot: null, shop: null, elsewhere: null });

    // 1.0.0 to the whole store sh-001.
    const base = await t.call(CONSOLE_API.createRollout, { body: { pack: first, stores: ['sh-001'] } }, { session });
    expect(base.statusCode, base.body).toBe(200);
    expect(base.json()).toMatchObject({ version: '1.0.0', state: 'live', phase: 'full', kiosks: { assigned: 2 } });
    expect(await downloads(t, kiosks)).toEqual({ pilot: '1.0.0', shop: '1.0.0', elsewhere: null });

    // 1.1.0 to the same store, pilot kiosks first.
    const staged = await t.call(CONSOLE_API.createRollout, { body: { pack: second, stores: ['sh-001'], staging: { kind: 'pilot', group: 'pilot' } } }, { session });
    expect(staged.json()).toMatchObject({ version: '1.1.0', state: 'pilot', kiosks: { assigned: 1 } });
    expect(await downloads(t, kiosks)).toEqual({ pilot: '1.1.0', shop: '1.0.0', elsewhere: null });

    // The heartbeat answer says the same, with the keys to trust.
    const hb = await t.call(KIOSK_API.heartbeat, { body: heartbeat(t, { pack: { packId: 'sample', version: '1.0.0' } }) }, { kiosk: kiosks.pilot });
    expect(hb.json().packs.assigned).toMatchObject({ packId: 'sample', version: '1.1.0', download: '/v1/pack' });
    expect(hb.json().packs.trustedKeys.map((k: { name: string }) => k.name)).toEqual(['Shopfront hub', 'test key']);

    const promoted = await t.call(CONSOLE_API.promoteRollout, { params: { id: staged.json().id }, body: {} }, { session });
    expect(promoted.json()).toMatchObject({ state: 'live', phase: 'full', kiosks: { assigned: 2 } });
    expect(await downloads(t, kiosks)).toEqual({ pilot: '1.1.0', shop: '1.1.0', elsewhere: null });
    expect((await t.call(CONSOLE_API.promoteRollout, { params: { id: staged.json().id }, body: {} }, { session })).statusCode).toBe(409);

    // A published pack cannot be deleted.
    expect((await t.call(CONSOLE_API.deletePack, { params: { id: second } }, { session })).statusCode).toBe(409);

    const back = await t.call(CONSOLE_API.rollbackRollout, { params: { id: staged.json().id } }, { session });
    expect(back.json()).toMatchObject({ state: 'rolled-back', rolledBackBy: 'user:mei', kiosks: { assigned: 0 } });
    expect(await downloads(t, kiosks)).toEqual({ pilot: '1.0.0', shop: '1.0.0', elsewhere: null });
    expect((await t.call(CONSOLE_API.rollbackRollout, { params: { id: staged.json().id } }, { session })).statusCode).toBe(409);

    // Rolled back, it is no longer published: it can be deleted; its files go with it.
    const library = (await t.call(CONSOLE_API.packLibrary, {}, { session })).json().packs;
    expect(library.map((p: { version: string; published: boolean }) => [p.version, p.published])).toEqual([['1.1.0', false], ['1.0.0', true]]);
    expect((await t.call(CONSOLE_API.deletePack, { params: { id: second } }, { session })).statusCode).toBe(200);
    expect((await t.call(CONSOLE_API.packLibrary, {}, { session })).json().packs.map((p: { version: string }) => p.version)).toEqual(['1.0.0']);

    const actions = (await t.call(CONSOLE_API.audit, {}, { session: await t.admin() })).json().entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['pack.published', 'pack.rollout-promoted', 'pack.rolled-back', 'pack.deleted', 'kiosk.groups-changed']));
    await t.close();
  });

  it('starts a rollout at its start time, and a percent rollout reaches the same kiosks every time', { timeout: 60_000 }, async () => {
    const t = await testHub(await fixture.open());
    const { session, kiosks, first } = await setup(t);
    const later = await t.call(CONSOLE_API.createRollout, { body: { pack: first, groups: ['pilot'], startsAt: t.clock.now() + 3_600_000 } }, { session });
    expect(later.json()).toMatchObject({ state: 'scheduled' });
    expect(await downloads(t, kiosks)).toEqual({ pilot: null, shop: null, elsewhere: null });
    t.clock.advance(3_600_000);
    expect(await downloads(t, kiosks)).toEqual({ pilot: '1.0.0', shop: null, elsewhere: null });

    // Half of all kiosks, chosen by their ids: the same ones at every request.
    const share = await t.call(CONSOLE_API.createRollout, { body: { pack: first, staging: { kind: 'percent', percent: 50 } } }, { session });
    const ids = { pilot: 'kiosk-pilot-1', shop: 'kiosk-shop-1', elsewhere: 'kiosk-bj-1' };
    const inShare = Object.entries(ids).filter(([, id]) => kioskBucket(id) < 50).map(([name]) => name);
    expect(share.json().kiosks.assigned).toBe(inShare.length);
    const expected = Object.fromEntries(Object.keys(ids).map((name) => [name, name === 'pilot' || inShare.includes(name) ? '1.0.0' : null]));
    expect(await downloads(t, kiosks)).toEqual(expected);
    expect(await downloads(t, kiosks)).toEqual(expected);
    const all = await t.call(CONSOLE_API.promoteRollout, { params: { id: share.json().id }, body: { percent: 100 } }, { session });
    expect(all.json()).toMatchObject({ phase: 'full', kiosks: { assigned: 3 } });
    expect(await downloads(t, kiosks)).toEqual({ pilot: '1.0.0', shop: '1.0.0', elsewhere: '1.0.0' });
    await t.close();
  });

  it('shows which kiosk runs which pack, which is updating and which failed and went back by itself', { timeout: 60_000 }, async () => {
    const t = await testHub(await fixture.open());
    const { session, kiosks, first } = await setup(t);
    await t.call(CONSOLE_API.createRollout, { body: { pack: first, stores: ['sh-001'] } }, { session });
    await t.call(KIOSK_API.heartbeat, { body: heartbeat(t, { pack: { packId: 'sample', version: '1.0.0' } }) }, { kiosk: kiosks.pilot });
    await t.call(KIOSK_API.heartbeat, { body: heartbeat(t, { pack: { packId: 'spring', version: '1.4.0' }, packProblem: 'bad-signature: …', packRollbacks: 1 }) }, { kiosk: kiosks.shop });
    await t.call(KIOSK_API.heartbeat, { body: heartbeat(t, { pack: { packId: 'spring', version: '1.4.0' } }) }, { kiosk: kiosks.elsewhere });
    const fleet = (await t.call(CONSOLE_API.packFleet, {}, { session })).json().kiosks;
    const row = (id: string) => fleet.find((k: { deviceId: string }) => k.deviceId === id);
    expect(row('kiosk-pilot-1')).toMatchObject({ status: 'current', running: { version: '1.0.0' }, assigned: { version: '1.0.0' }, groups: ['pilot'], online: true });
    expect(row('kiosk-shop-1')).toMatchObject({ status: 'failed', running: { packId: 'spring' }, packProblem: 'bad-signature: …', packRollbacks: 1 });
    expect(row('kiosk-bj-1')).toMatchObject({ status: 'unassigned', assigned: null });
    const rollouts = (await t.call(CONSOLE_API.rollouts, {}, { session })).json().rollouts;
    expect(rollouts[0].kiosks).toEqual({ assigned: 2, running: 1, failed: 1 });

    // A store manager sees only their stores' kiosks.
    const manager = await signIn(t, 'lina', 'store-manager', ['bj-001']);
    expect((await t.call(CONSOLE_API.packFleet, {}, { session: manager })).json().kiosks.map((k: { deviceId: string }) => k.deviceId)).toEqual(['kiosk-bj-1']);
    // Only publishers publish.
    expect((await t.call(CONSOLE_API.createRollout, { body: { pack: first } }, { session: manager })).statusCode).toBe(403);
    await t.close();
  });
});
