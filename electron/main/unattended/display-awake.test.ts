import { describe, expect, it } from 'vitest';
import { DisplayAwake, shouldKeepDisplayAwake, type PowerSaveBlockerLike } from './display-awake.ts';

class FakeBlocker implements PowerSaveBlockerLike {
  next = 1;
  started = new Set<number>();
  types: string[] = [];
  start(type: 'prevent-display-sleep') {
    this.types.push(type);
    this.started.add(this.next);
    return this.next++;
  }
  stop(id: number) {
    this.started.delete(id);
  }
  isStarted(id: number) {
    return this.started.has(id);
  }
}

describe('keeping the display awake', () => {
  it('holds it in kiosk mode, not in a development window or when switched off', () => {
    expect(shouldKeepDisplayAwake({ preventSleep: true, windowed: false })).toBe(true);
    expect(shouldKeepDisplayAwake({ preventSleep: true, windowed: true })).toBe(false);
    expect(shouldKeepDisplayAwake({ preventSleep: false, windowed: false })).toBe(false);
  });

  it('starts prevent-display-sleep once, again if found stopped, and releases it at exit', () => {
    const blocker = new FakeBlocker();
    const lines: string[] = [];
    const awake = new DisplayAwake(blocker, (l) => lines.push(l));
    awake.hold();
    awake.hold();
    expect(blocker.types).toEqual(['prevent-display-sleep']);
    blocker.started.clear(); // something stopped it behind our back
    awake.hold();
    expect(blocker.types).toHaveLength(2);
    expect(awake.holding).toBe(true);
    awake.release();
    expect(blocker.started.size).toBe(0);
    expect(lines).toEqual(['display sleep is blocked while the kiosk runs', 'display sleep blocker was found stopped: started again']);
  });
});
