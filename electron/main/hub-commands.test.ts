import { describe, expect, it } from 'vitest';
import { MAX_SCREENSHOT_BYTES, type KioskCommand } from '../../content/schema/hub-api/commands.ts';
import type { HostCommand } from '../common/hub-agent/hub-payloads.ts';
import type { SessionState } from '../common/kiosk-api.ts';
import { fitLogLines, fitWithin, mainCommandExecutors, RESTART_EXIT_CODE, restartPlan, type MainCommandParts, type WindowPicture } from './hub-commands.ts';

/** A window picture of a given size whose JPEG is `bytes` long at quality 80, halving as quality drops. */
function picture(width: number, height: number, bytes = 100_000, log: string[] = []): WindowPicture {
  return {
    getSize: () => ({ width, height }),
    resize: (o) => (log.push(`resize ${o.width}x${o.height}`), picture(o.width, o.height, bytes, log)),
    toJPEG: (quality) => (log.push(`jpeg ${quality}`), Buffer.alloc(Math.round(bytes * (quality / 80) ** 2), 1)),
  };
}

function parts(overrides: Partial<MainCommandParts> = {}) {
  const record = { reloads: 0, restarts: 0, sent: [] as HostCommand[] };
  let session: SessionState = 'idle';
  const p: MainCommandParts = {
    session: () => session,
    capturePage: async () => picture(1920, 1080),
    reload: () => void (record.reloads += 1),
    restart: () => void (record.restarts += 1),
    sendHostCommand: (c) => void record.sent.push(c),
    outboxDepth: () => 7,
    checkPack: async () => null,
    logLines: async (count) => Array.from({ length: Math.min(count, 30) }, (_, i) => `{"level":"info","msg":"line ${i}"}`),
    ...overrides,
  };
  return { executors: mainCommandExecutors(p), record, setSession: (s: SessionState) => void (session = s) };
}

const cmd = (kind: KioskCommand['kind']): KioskCommand => ({ id: `c-${kind}`, kind, expiresAt: Date.now() + 60_000 });

describe('main command executors', () => {
  it('takes a screenshot of the window, at most 960 px on the long side, as a JPEG the hub takes', async () => {
    const log: string[] = [];
    const { executors } = parts({ capturePage: async () => picture(1080, 1920, 2_000_000, log) });
    const { result } = await executors.screenshot(cmd('screenshot'));
    expect(result).toMatchObject({ ok: true, screenshot: { mime: 'image/jpeg', width: 540, height: 960 } });
    expect(Buffer.from(result.screenshot!.base64, 'base64').length).toBeLessThanOrEqual(MAX_SCREENSHOT_BYTES);
    expect(log).toEqual(['resize 540x960', 'jpeg 80', 'jpeg 60']);
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(3840, 2160)).toEqual({ width: 960, height: 540 });
  });

  it('takes no screenshot while a shopper is using the screen, so never a shopper or the camera picture', async () => {
    let captured = 0;
    const { executors, setSession } = parts({ capturePage: async () => (captured++, picture(1920, 1080)) });
    setSession('active');
    expect((await executors.screenshot(cmd('screenshot'))).result).toEqual({ ok: false, message: expect.stringMatching(/shopper is using the screen.*idle/) });
    expect(captured).toBe(0);
  });

  it('reloads through the supervisor, restarts only after the result, and hands upload-events to the renderer', async () => {
    const { executors, record } = parts();
    expect((await executors.reload(cmd('reload'))).result).toEqual({ ok: true, message: 'Reloaded the screen.' });
    expect(record.reloads).toBe(1);
    const restart = await executors.restart(cmd('restart'));
    expect(record.restarts).toBe(0);
    restart.afterReported!();
    expect(record.restarts).toBe(1);
    expect((await executors['upload-events'](cmd('upload-events'))).result.message).toMatch(/send its events now \(7 were waiting/);
    expect(record.sent).toEqual([{ id: 'c-upload-events', kind: 'upload-events' }]);
  });

  it('checks for a pack now, or says that no update URL is set', async () => {
    expect((await parts().executors['check-pack'](cmd('check-pack'))).result).toEqual({ ok: false, message: expect.stringMatching(/No pack update URL is set.*packs.updateUrl/) });
    const withUrl = parts({ checkPack: async () => ({ ok: true, message: 'Checked the pack update URL: no new pack.' }) });
    expect((await withUrl.executors['check-pack'](cmd('check-pack'))).result).toEqual({ ok: true, message: 'Checked the pack update URL: no new pack.' });
  });

  it('sends the last lines of the log it was asked for, and says when the log holds fewer', async () => {
    const { executors } = parts();
    const some = (await executors.logs({ ...cmd('logs'), lines: 10 })).result;
    expect(some).toMatchObject({ ok: true, message: "The last 10 lines of the kiosk's log." });
    expect(some.logLines).toHaveLength(10);
    const all = (await executors.logs(cmd('logs'))).result;
    expect(all.message).toBe("The last 30 lines of the kiosk's log (all the log holds).");
    expect(all.logLines!.at(-1)).toBe('{"level":"info","msg":"line 29"}');
    // However long the lines, the answer stays within what the hub takes: the newest lines are kept.
    const long = Array.from({ length: 1_000 }, (_, i) => `${i} ${'x'.repeat(1_990)}`);
    const fitted = fitLogLines(long);
    expect(fitted.at(-1)).toBe(long.at(-1));
    expect(fitted.length).toBeLessThan(1_000);
    expect(Buffer.byteLength(JSON.stringify(fitted))).toBeLessThanOrEqual(1_500_000 + 4 * fitted.length);
  });

  it('restarts under systemd by exiting with a failure code, elsewhere by relaunching', () => {
    expect(restartPlan({ INVOCATION_ID: 'abc' })).toEqual({ relaunch: false, exitCode: RESTART_EXIT_CODE });
    expect(restartPlan({})).toEqual({ relaunch: true, exitCode: 0 });
  });
});
