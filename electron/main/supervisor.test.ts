import { describe, expect, it } from 'vitest';
import { HOST_API } from '../common/kiosk-api.ts';
import { createHostHandlers } from './host-handlers.ts';
import { registerHostHandlers } from './ipc.ts';
import { APP_ENTRY_URL } from './security-policy.ts';
import { SUPERVISOR_POLICY, Supervisor, type Clock } from './supervisor.ts';
import { fakeHostContext } from './testing/fake-host-context.ts';
import { fakeIpcMain } from './testing/fake-ipc-main.ts';

/** A clock whose timers fire only when the test advances time. */
function manualClock() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: Clock & { advance(ms: number): void } = {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fn();
      }
      now = end;
    },
  };
  return clock;
}

function setup() {
  const clock = manualClock();
  const log: string[] = [];
  const supervisor = new Supervisor(
    {
      reload: () => log.push(`reload@${clock.now()}`),
      showFallback: () => log.push(`fallback@${clock.now()}`),
      killHung: () => log.push(`kill@${clock.now()}`),
    },
    clock,
  );
  return { clock, log, supervisor };
}

describe('renderer supervisor', () => {
  it('reloads a crashed renderer after a short delay', () => {
    const { clock, log, supervisor } = setup();
    supervisor.rendererGone();
    clock.advance(999);
    expect(log).toEqual([]);
    clock.advance(1);
    expect(log).toEqual(['reload@1000']);
    expect(supervisor.restartCount).toBe(1);
  });

  it('backs off on repeated crashes, shows the fallback screen, and keeps retrying forever', () => {
    const { clock, log, supervisor } = setup();
    for (let i = 0; i < 12; i++) {
      supervisor.rendererGone();
      clock.advance(SUPERVISOR_POLICY.maxDelayMs);
    }
    const reloads = log.filter((l) => l.startsWith('reload'));
    expect(reloads).toHaveLength(12);
    const times = reloads.map((r) => Number(r.split('@')[1]));
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // Delays double (1 s, 2 s, 4 s …) and stay capped at a minute.
    expect(times[0]).toBe(1000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2 * SUPERVISOR_POLICY.maxDelayMs);
    expect(log.filter((l) => l.startsWith('fallback')).length).toBe(12 - SUPERVISOR_POLICY.fallbackAfter + 1);
    // The first fallback comes with the third crash in a row, after two plain reloads.
    expect(log.findIndex((l) => l.startsWith('fallback'))).toBe(SUPERVISOR_POLICY.fallbackAfter - 1);
  });

  it('forgets old crashes once the renderer has run stably', () => {
    const { clock, log, supervisor } = setup();
    supervisor.rendererGone();
    clock.advance(1_000);
    supervisor.rendererGone();
    clock.advance(2_000);
    supervisor.rendererReady();
    clock.advance(SUPERVISOR_POLICY.stableMs);
    supervisor.rendererGone();
    expect(supervisor.crashStreak).toBe(1);
    clock.advance(1_000);
    expect(log.at(-1)).toBe(`reload@${clock.now()}`);
    expect(log.some((l) => l.startsWith('fallback'))).toBe(false);
  });

  it('on a kiosk with no pack, forgets old crashes once the shell has run stably', async () => {
    // Wired as main wires it: the renderer's ready call crosses the IPC door to the supervisor.
    const { clock, log, supervisor } = setup();
    const kioskFrame = { url: APP_ENTRY_URL };
    const ipc = fakeIpcMain();
    const { ctx } = fakeHostContext({ onRendererReady: () => supervisor.rendererReady() });
    registerHostHandlers(ipc.ipc, createHostHandlers(ctx), () => kioskFrame, () => undefined);

    // A crash a day: each time the renderer came back up with nothing to show.
    for (let day = 0; day < 5; day++) {
      supervisor.rendererGone();
      clock.advance(SUPERVISOR_POLICY.baseDelayMs);
      await ipc.call(HOST_API.reportReady.channel, kioskFrame, null);
      clock.advance(24 * 60 * 60_000);
    }
    expect(supervisor.crashStreak).toBe(1);
    expect(log.some((l) => l.startsWith('fallback'))).toBe(false);
    const reloads = log.map((l) => Number(l.split('@')[1]));
    const day = 24 * 60 * 60_000 + SUPERVISOR_POLICY.baseDelayMs;
    // Every reload came a second after its crash: the back-off never grew.
    expect(reloads).toEqual([0, 1, 2, 3, 4].map((d) => d * day + SUPERVISOR_POLICY.baseDelayMs));
  });

  it('coalesces several failure signals into one restart', () => {
    const { clock, log, supervisor } = setup();
    supervisor.rendererGone();
    supervisor.rendererGone();
    supervisor.rendererUnresponsive();
    clock.advance(60_000);
    expect(log.filter((l) => l.startsWith('reload'))).toHaveLength(1);
  });

  it('counts crashes apart from hangs and failed loads, and does not count a reload it was asked for', () => {
    const { clock, log, supervisor } = setup();
    supervisor.rendererGone('crash');
    clock.advance(SUPERVISOR_POLICY.maxDelayMs);
    supervisor.rendererUnresponsive();
    clock.advance(SUPERVISOR_POLICY.hangGraceMs);
    // Killing the hung renderer makes its process go away too: still the hang, not a second failure.
    supervisor.rendererGone('crash');
    clock.advance(SUPERVISOR_POLICY.maxDelayMs);
    supervisor.rendererGone('load-failed');
    clock.advance(SUPERVISOR_POLICY.maxDelayMs);
    expect(supervisor.restartCount).toBe(3);
    expect(supervisor.crashCount).toBe(1);

    const reloads = log.filter((l) => l.startsWith('reload')).length;
    supervisor.reloadNow();
    expect(log.filter((l) => l.startsWith('reload')).length).toBe(reloads + 1);
    expect(supervisor.restartCount).toBe(3);
    expect(supervisor.crashCount).toBe(1);
  });

  it('kills and reloads a renderer that stays unresponsive, but not one that recovers', () => {
    const { clock, log, supervisor } = setup();
    supervisor.rendererUnresponsive();
    clock.advance(5_000);
    supervisor.rendererResponsive();
    clock.advance(60_000);
    expect(log).toEqual([]);

    supervisor.rendererUnresponsive();
    clock.advance(SUPERVISOR_POLICY.hangGraceMs + 1_000);
    expect(log).toEqual([`kill@${65_000 + SUPERVISOR_POLICY.hangGraceMs}`, `reload@${65_000 + SUPERVISOR_POLICY.hangGraceMs + 1_000}`]);
  });

  it('kills and reloads a frozen screen at once, as a hang and not a crash', () => {
    const { clock, log, supervisor } = setup();
    supervisor.rendererFrozen();
    // The killed renderer's process-gone signal follows: the same failure, not a second one.
    supervisor.rendererGone('crash');
    supervisor.rendererFrozen();
    clock.advance(SUPERVISOR_POLICY.baseDelayMs);
    expect(log).toEqual(['kill@0', `reload@${SUPERVISOR_POLICY.baseDelayMs}`]);
    expect(supervisor.restartCount).toBe(1);
    expect(supervisor.crashCount).toBe(0);
  });
});
