import { describe, expect, it } from 'vitest';
import { WaveDetector } from './wave-detector.ts';

function run(x: (t: number) => number, open: boolean, ms: number, detector = new WaveDetector()) {
  const waves: number[] = [];
  for (let t = 0; t <= ms; t += 33) if (detector.update(x(t), open, t)) waves.push(t);
  return waves;
}

const waving = (hz: number, amplitude: number) => (t: number) => 0.5 + amplitude * Math.sin(2 * Math.PI * hz * (t / 1000));

describe('wave detector', () => {
  it('sees an open hand swinging side to side as one wave', () => {
    const waves = run(waving(2, 0.06), true, 2000);
    expect(waves).toHaveLength(1);
    // Three swings of a 2 Hz wave take about 0.9 s.
    expect(waves[0]).toBeLessThan(1100);
  });

  it('rests two seconds before another wave', () => {
    expect(run(waving(2, 0.06), true, 2600)).toHaveLength(1);
    expect(run(waving(2, 0.06), true, 4500)).toHaveLength(2);
  });

  it('ignores a pointing hand moving the same way', () => {
    expect(run(waving(2, 0.06), false, 4000)).toEqual([]);
  });

  it('ignores tiny tremors and slow drifting', () => {
    expect(run(waving(3, 0.01), true, 4000)).toEqual([]);
    expect(run(waving(0.3, 0.2), true, 8000)).toEqual([]);
  });

  it('needs the swings in a row: losing the hand starts over', () => {
    const detector = new WaveDetector();
    const x = waving(2, 0.06);
    let waves = 0;
    for (let t = 0; t <= 3000; t += 33) {
      const seen = Math.floor(t / 400) % 2 === 0; // the hand drops out every 400 ms
      if (detector.update(seen ? x(t) : null, true, t)) waves++;
    }
    expect(waves).toBe(0);
  });
});
