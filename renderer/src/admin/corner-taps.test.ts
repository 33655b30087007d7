import { describe, expect, it } from 'vitest';
import { CORNER_TAPS, createCornerTapDetector } from './corner-taps.ts';

describe('hidden admin corner', () => {
  it('opens after five quick taps in the corner', () => {
    let t = 0;
    let opened = 0;
    const tap = createCornerTapDetector(() => opened++, () => t);
    for (let i = 0; i < CORNER_TAPS.count; i++) {
      tap(10, 10);
      t += 300;
    }
    expect(opened).toBe(1);
  });

  it('ignores slow taps and taps elsewhere', () => {
    let t = 0;
    let opened = 0;
    const tap = createCornerTapDetector(() => opened++, () => t);
    for (let i = 0; i < 10; i++) {
      tap(10, 10);
      t += CORNER_TAPS.withinMs;
    }
    for (let i = 0; i < 4; i++) tap(10, 10);
    tap(500, 500);
    tap(10, 10);
    expect(opened).toBe(0);
  });
});
