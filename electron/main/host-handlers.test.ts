import { beforeAll, describe, expect, it } from 'vitest';
import { HOST_API } from '../common/kiosk-api.ts';
import { AdminGate, PIN_POLICY, hashPin, type AdminPinStore, type LockoutState, type PinHash } from './admin-pin.ts';
import { createHostHandlers } from './host-handlers.ts';
import { registerHostHandlers } from './ipc.ts';
import { APP_ENTRY_URL } from './security-policy.ts';
import { fakeHostContext, STICK_PACK, STICK_PACK_FILE } from './testing/fake-host-context.ts';
import { fakeIpcMain } from './testing/fake-ipc-main.ts';

const PIN = '2580';
let pinHash: PinHash;
beforeAll(async () => {
  pinHash = await hashPin(PIN);
});

function memoryPinStore(hash: PinHash): AdminPinStore {
  let lockout: LockoutState = { failures: 0, lockouts: 0, lockedUntil: 0 };
  return {
    readHash: async () => hash,
    writeHash: async () => undefined,
    readLockout: async () => ({ ...lockout }),
    writeLockout: async (l) => void (lockout = { ...l }),
  };
}

/** The handlers behind a real admin gate on a clock the test moves. */
function adminSetup() {
  let now = 1_000_000;
  const gate = new AdminGate(memoryPinStore(pinHash), () => now);
  const { ctx, record } = fakeHostContext({ gate });
  return { handlers: createHostHandlers(ctx), record, advance: (ms: number) => void (now += ms) };
}

describe('host handlers: admin functions', () => {
  it('refuse to quit, install, check, list or roll back while the admin screen is locked', async () => {
    const { handlers, record } = adminSetup();
    expect(await handlers.admin.exitKiosk()).toEqual({ ok: false, message: expect.stringMatching(/Unlock/) });
    expect(await handlers.admin.installPackFile(STICK_PACK.id)).toEqual({ ok: false, message: expect.stringMatching(/Unlock/) });
    expect(await handlers.admin.rollbackPack()).toEqual({ ok: false, message: expect.stringMatching(/Unlock/) });
    expect(await handlers.admin.checkPackFile(STICK_PACK.id)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await handlers.admin.listPackFiles()).toEqual([]);
    expect(record).toMatchObject({ quits: 0, installed: [], rolledBack: [], checked: [], listed: 0 });
  });

  it('stay refused after a wrong PIN', async () => {
    const { handlers, record } = adminSetup();
    expect(await handlers.admin.unlock('0000')).toMatchObject({ ok: false, reason: 'wrong-pin' });
    expect(await handlers.admin.exitKiosk()).toMatchObject({ ok: false });
    expect(await handlers.admin.installPackFile(STICK_PACK.id)).toMatchObject({ ok: false });
    expect(await handlers.admin.rollbackPack()).toMatchObject({ ok: false });
    expect(record).toMatchObject({ quits: 0, installed: [], rolledBack: [] });
  });

  it('list, check, install, roll back and quit after the right PIN', async () => {
    const { handlers, record } = adminSetup();
    expect(await handlers.admin.unlock(PIN)).toMatchObject({ ok: true });
    expect(await handlers.admin.listPackFiles()).toEqual([STICK_PACK]);
    expect(await handlers.admin.checkPackFile(STICK_PACK.id)).toMatchObject({ ok: true, packId: 'spring' });
    expect(await handlers.admin.installPackFile(STICK_PACK.id)).toEqual({ ok: true });
    expect(await handlers.admin.rollbackPack()).toEqual({ ok: true });
    expect(await handlers.admin.exitKiosk()).toEqual({ ok: true });
    expect(record).toMatchObject({ quits: 1, installed: [{ file: STICK_PACK_FILE, source: 'admin' }], rolledBack: ['rolled back from the admin screen'], checked: [STICK_PACK_FILE] });
  });

  it('refuse again once the admin locks the screen or the admin session runs out', async () => {
    const { handlers, record, advance } = adminSetup();
    await handlers.admin.unlock(PIN);
    await handlers.admin.lock();
    expect(await handlers.admin.exitKiosk()).toMatchObject({ ok: false });

    await handlers.admin.unlock(PIN);
    advance(PIN_POLICY.sessionMs);
    expect(await handlers.admin.exitKiosk()).toMatchObject({ ok: false });
    expect(await handlers.admin.installPackFile(STICK_PACK.id)).toMatchObject({ ok: false });
    expect(await handlers.admin.rollbackPack()).toMatchObject({ ok: false });
    expect(record).toMatchObject({ quits: 0, installed: [], rolledBack: [] });
  });
});

describe('host handlers: health', () => {
  const kioskFrame = { url: APP_ENTRY_URL };
  const throughTheDoor = () => {
    const ipc = fakeIpcMain();
    registerHostHandlers(ipc.ipc, createHostHandlers(fakeHostContext().ctx), () => kioskFrame, () => undefined);
    return (channel: string, ...args: unknown[]) => ipc.call(channel, kioskFrame, ...args);
  };

  it('shows the camera state the renderer reported', async () => {
    const call = throughTheDoor();
    expect(await call(HOST_API.getHealth.channel)).toMatchObject({ camera: 'unknown' });
    await call(HOST_API.reportCameraState.channel, 'denied');
    expect(await call(HOST_API.getHealth.channel)).toMatchObject({ camera: 'denied' });
    await call(HOST_API.reportCameraState.channel, 'available');
    expect(await call(HOST_API.getHealth.channel)).toMatchObject({ camera: 'available' });
  });

  it('refuses a camera state that is not one, and keeps the last good one', async () => {
    const call = throughTheDoor();
    await call(HOST_API.reportCameraState.channel, 'absent');
    for (const bad of ['broken', 'toString', '', null, 1, { state: 'denied' }]) {
      await expect(call(HOST_API.reportCameraState.channel, bad)).rejects.toThrow(/bad arguments/);
    }
    await expect(call(HOST_API.reportCameraState.channel, 'denied', 'extra')).rejects.toThrow(/bad arguments/);
    expect(await call(HOST_API.getHealth.channel)).toMatchObject({ camera: 'absent' });
  });
});

describe('host handlers: renderer ready', () => {
  it('counts a renderer with no pack as up, and confirms a pack only when one is named', async () => {
    const { ctx, record } = fakeHostContext();
    const handlers = createHostHandlers(ctx);
    await handlers.reportReady(null);
    expect(record).toMatchObject({ rendererReady: 1, packsConfirmed: [] });
    await handlers.reportReady({ packId: 'spring', version: '2.0.0', activation: 4 });
    expect(record).toMatchObject({ rendererReady: 2, packsConfirmed: [{ packId: 'spring', version: '2.0.0', activation: 4 }] });
  });
});

describe('host handlers: the hub', () => {
  const snapshot = {
    outbox: { depth: 3, bytes: 2_000, oldestUnsentAgeMs: 1_000, lastSuccessAt: null, shedTotal: 0, quarantinedTotal: 0 },
    jsHeapBytes: 30_000_000,
    fps: 60,
    lastInteractionAt: null,
    session: 'idle',
    scanner: 'keyboard',
  };

  it('enrols only while the admin screen is unlocked', async () => {
    const { handlers, record } = adminSetup();
    expect(await handlers.hub.enrol('K7Q2-M9XD')).toEqual({ ok: false, message: expect.stringMatching(/Unlock the admin screen/) });
    expect(record.enrolments).toEqual([]);
    await handlers.admin.unlock(PIN);
    expect(await handlers.hub.enrol('K7Q2-M9XD')).toEqual({ ok: false, message: 'This enrolment code is not valid or has expired.' });
    expect(record.enrolments).toEqual(['K7Q2-M9XD']);
  });

  it("keeps the renderer's health report for the heartbeat, and refuses one that is not", async () => {
    const { ctx } = fakeHostContext();
    const ipc = fakeIpcMain();
    const kioskFrame = { url: APP_ENTRY_URL };
    registerHostHandlers(ipc.ipc, createHostHandlers(ctx), () => kioskFrame, () => undefined);
    await ipc.call(HOST_API.reportRendererHealth.channel, kioskFrame, snapshot);
    expect(ctx.reports.health).toEqual(snapshot);
    for (const bad of [{ ...snapshot, fps: -1 }, { ...snapshot, scanner: 'laser' }, { ...snapshot, extra: 1 }, null]) {
      await expect(ipc.call(HOST_API.reportRendererHealth.channel, kioskFrame, bad)).rejects.toThrow(/bad arguments/);
    }
    expect(ctx.reports.health).toEqual(snapshot);
    await ipc.call(HOST_API.setSessionState.channel, kioskFrame, 'active');
    expect(ctx.reports.session).toBe('active');
  });

  it('passes frame ticks and log lines on, and refuses a line that is not one', async () => {
    const { ctx, record } = fakeHostContext();
    const ipc = fakeIpcMain();
    const kioskFrame = { url: APP_ENTRY_URL };
    registerHostHandlers(ipc.ipc, createHostHandlers(ctx), () => kioskFrame, () => undefined);
    await ipc.call(HOST_API.reportFrame.channel, kioskFrame, { visible: false });
    await ipc.call(HOST_API.log.channel, kioskFrame, { level: 'warn', message: 'pixi texture missing', fields: { game: 'wheel' } });
    for (const bad of [{ level: 'fatal', message: 'x' }, { level: 'info', message: 'x'.repeat(2_001) }, { level: 'info', message: 'x', fields: { frame: [1, 2, 3] } }]) {
      await expect(ipc.call(HOST_API.log.channel, kioskFrame, bad)).rejects.toThrow(/bad arguments/);
    }
    expect(record.frames).toEqual([{ visible: false }]);
    expect(record.rendererLines).toEqual([{ level: 'warn', message: 'pixi texture missing', fields: { game: 'wheel' } }]);
  });

  it('tells the renderer the hub status, never the credential in it', async () => {
    const { handlers } = adminSetup();
    const status = await handlers.hub.status();
    expect(status).toMatchObject({ state: 'not-enrolled', hubUrl: 'https://hub.example.com/' });
    expect(await handlers.hub.eventsTarget()).toBeNull();
  });
});
