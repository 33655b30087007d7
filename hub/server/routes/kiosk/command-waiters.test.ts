import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCommandWaiters } from './command-waiters.ts';

const settled = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
};

describe('command waiters', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('wakes the polls of the kiosk a command is for, and only those', async () => {
    const waiters = createCommandWaiters();
    const a1 = waiters.wait('kiosk-a', 25_000);
    const a2 = waiters.wait('kiosk-a', 25_000);
    const b = waiters.wait('kiosk-b', 25_000);
    expect(waiters.size()).toBe(3);
    waiters.notify('kiosk-a');
    expect(await settled(a1.woken)).toBe(true);
    expect(await settled(a2.woken)).toBe(true);
    expect(await settled(b.woken)).toBe(false);
    expect(waiters.size()).toBe(1);
    b.stop();
  });

  it('ends a wait when its time is up', async () => {
    const waiters = createCommandWaiters();
    const w = waiters.wait('kiosk-a', 25_000);
    vi.advanceTimersByTime(24_999);
    expect(await settled(w.woken)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(await settled(w.woken)).toBe(true);
    expect(waiters.size()).toBe(0);
  });

  it('ends a stopped wait at once; stopping again, or a later command, changes nothing', async () => {
    const waiters = createCommandWaiters();
    const w = waiters.wait('kiosk-a', 25_000);
    const other = waiters.wait('kiosk-a', 25_000);
    w.stop();
    expect(await settled(w.woken)).toBe(true);
    w.stop();
    expect(waiters.size()).toBe(1);
    waiters.notify('kiosk-a');
    expect(waiters.size()).toBe(0);
    // No timer is left behind by a stopped or woken wait.
    expect(vi.getTimerCount()).toBe(0);
    expect(await settled(other.woken)).toBe(true);
  });
});
