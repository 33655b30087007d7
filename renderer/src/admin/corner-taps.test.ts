import { describe, expect, it } from 'vitest';
import { CORNER_TAPS, createCornerTapDetector, isControl } from './corner-taps.ts';

function detector() {
  const state = { opened: 0 };
  return { state, tap: createCornerTapDetector(() => state.opened++) };
}

describe('hidden admin corner', () => {
  it('opens after five quick taps in the corner, once', () => {
    const { state, tap } = detector();
    for (let i = 0; i < CORNER_TAPS.count; i++) tap(10, 10, i * 300);
    expect(state.opened).toBe(1);
    tap(10, 10, 1600);
    expect(state.opened).toBe(1);
  });

  it('still opens when the wake tap held the page up: each tap counts from the one before', () => {
    const { state, tap } = detector();
    // The first tap woke the kiosk and drawing home took over a second: five taps over 4.2 s.
    [0, 1400, 2800, 3500, 4200].forEach((at) => tap(10, 10, at));
    expect(state.opened).toBe(1);
  });

  it('ignores slow taps and taps elsewhere', () => {
    const { state, tap } = detector();
    for (let i = 0; i < 10; i++) tap(10, 10, i * (CORNER_TAPS.maxGapMs + 1));
    let at = 100_000;
    for (let i = 0; i < 4; i++) tap(10, 10, (at += 100));
    tap(500, 500, (at += 100));
    tap(10, 10, (at += 100));
    expect(state.opened).toBe(0);
    tap(10, CORNER_TAPS.heightPx + 1, (at += 100));
    for (let i = 0; i < 4; i++) tap(10, 10, (at += 100));
    expect(state.opened).toBe(0);
  });

  it('never counts a tap on a control, nor a tap where the Back button is, and a control breaks the chain', () => {
    const { state, tap } = detector();
    let at = 0;
    // Five taps on Back (it starts 52 px from the left edge of a 1080-px-wide screen).
    for (let i = 0; i < 5; i++) tap(80, 60, (at += 200), true);
    // Back took the shopper home; three more taps where it was.
    for (let i = 0; i < 3; i++) tap(80, 60, (at += 200));
    expect(state.opened).toBe(0);
    for (let i = 0; i < 4; i++) tap(20, 20, (at += 200));
    tap(20, 20, (at += 200), true);
    tap(20, 20, (at += 200));
    expect(state.opened).toBe(0);
    for (let i = 0; i < 4; i++) tap(20, 20, (at += 200));
    expect(state.opened).toBe(1);
  });

  it('knows a control from the space around it', () => {
    document.body.innerHTML = '<header><button data-testid="back"><svg><path/></svg> Back</button><span class="brand">Store</span></header>';
    expect(isControl(document.querySelector('path'))).toBe(true);
    expect(isControl(document.querySelector('button'))).toBe(true);
    expect(isControl(document.querySelector('.brand'))).toBe(false);
    expect(isControl(document.querySelector('header'))).toBe(false);
    expect(isControl(null)).toBe(false);
    document.body.innerHTML = '';
  });
});
