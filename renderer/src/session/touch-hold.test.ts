import { describe, expect, it } from 'vitest';
import { CLICK_GRACE_MS, createTouchHold, MAX_HOLD_MS, type HoldTimers } from './touch-hold.ts';

/** Timers on a clock the test moves. */
function clock() {
  let now = 0;
  const due: { at: number; fn: () => void; live: boolean }[] = [];
  const timers: HoldTimers = {
    after(ms, fn) {
      const t = { at: now + ms, fn, live: true };
      due.push(t);
      return () => void (t.live = false);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of due) {
      if (!t.live || t.at > now) continue;
      t.live = false;
      t.fn();
    }
  };
  return { timers, advance };
}

function hold() {
  const c = clock();
  const released: number[] = [];
  let n = 0;
  const h = createTouchHold(c.timers, () => released.push(++n));
  return { h, released, advance: c.advance };
}

describe('a dialog held by the touch that closes it', () => {
  it('stays through the lift and goes when the tap\'s click has reached it', () => {
    const { h, released, advance } = hold();
    h.press(7);
    expect(h.held).toBe(true);
    h.lift(7);
    advance(CLICK_GRACE_MS - 1);
    expect(released).toEqual([]);
    h.click();
    expect(released).toEqual([1]);
    expect(h.held).toBe(false);
    // The grace timer of that lift does not fire again.
    advance(CLICK_GRACE_MS);
    expect(released).toEqual([1]);
  });

  it('goes a moment after the lift when no click follows (the finger slid away)', () => {
    const { h, released, advance } = hold();
    h.press(3);
    h.lift(3);
    advance(CLICK_GRACE_MS);
    expect(released).toEqual([1]);
  });

  it('goes at once when the press is cancelled, and ignores other fingers', () => {
    const { h, released } = hold();
    h.press(1);
    h.lift(2);
    h.cancel(2);
    expect(h.held).toBe(true);
    h.cancel(1);
    expect(released).toEqual([1]);
  });

  it('never stays for good, even if the finger never lifts', () => {
    const { h, released, advance } = hold();
    h.press(1);
    advance(MAX_HOLD_MS - 1);
    expect(released).toEqual([]);
    advance(1);
    expect(released).toEqual([1]);
  });

  it('is one hold per touch: a second finger does not restart it', () => {
    const { h, released, advance } = hold();
    h.press(1);
    h.press(2);
    h.lift(1);
    advance(CLICK_GRACE_MS);
    expect(released).toEqual([1]);
  });
});
