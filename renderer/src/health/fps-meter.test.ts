import { describe, expect, it } from 'vitest';
import { FpsMeter } from './fps-meter.ts';

/** Frames every `interval` ms from `from` to `to`. */
function draw(meter: FpsMeter, from: number, to: number, interval: number): void {
  for (let t = from; t < to; t += interval) meter.frame(t);
}

describe('fps meter', () => {
  it('counts the frames of the last minute', () => {
    const meter = new FpsMeter();
    expect(meter.fps(0)).toBeNull();
    draw(meter, 0, 120_000, 1000 / 60);
    expect(meter.fps(120_000)).toBeCloseTo(60, 0);
  });

  it('shows a slow stretch within the minute, and forgets it after', () => {
    const meter = new FpsMeter();
    draw(meter, 0, 30_000, 1000 / 60);
    draw(meter, 30_000, 60_000, 1000 / 20);
    expect(meter.fps(60_000)).toBeCloseTo(40, 0);
    draw(meter, 60_000, 125_000, 1000 / 60);
    expect(meter.fps(125_000)).toBeCloseTo(60, 0);
  });

  it('measures from the first frame when it has counted for less than a minute, and says nothing after a reset', () => {
    const meter = new FpsMeter();
    draw(meter, 5_000, 15_000, 1000 / 30);
    expect(meter.fps(15_000)).toBeCloseTo(30, 0);
    meter.reset();
    expect(meter.fps(16_000)).toBeNull();
  });
});
