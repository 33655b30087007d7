import { describe, expect, it } from 'vitest';
import { DwellTimer } from './dwell-timer.ts';

const options = { dwellMs: 1000, radius: 0.03, showAfterMs: 200 };

describe('dwell timer', () => {
  it('fills the ring while the cursor rests and clicks once where it rested', () => {
    const dwell = new DwellTimer(options);
    const states = [];
    for (let t = 0; t <= 1500; t += 50) states.push(dwell.update({ x: 0.5 + (t % 100 ? 0.005 : 0), y: 0.5 }, t, true));
    const fired = states.filter((s) => s.fired);
    expect(fired).toHaveLength(1);
    expect(fired[0]!.fired).toEqual({ x: 0.5, y: 0.5 });
    expect(states.findIndex((s) => s.fired)).toBe(1000 / 50);
    // The ring appears after 200 ms and grows.
    expect(states[2]!.progress).toBe(0);
    const visible = states.slice(5, 20).map((s) => s.progress);
    expect(visible.every((p, i) => p > 0 && (i === 0 || p >= visible[i - 1]!))).toBe(true);
  });

  it('starts over when the cursor moves away, and clicks again only after moving', () => {
    const dwell = new DwellTimer(options);
    let clicks = 0;
    for (let t = 0; t <= 2500; t += 50) if (dwell.update({ x: 0.2, y: 0.2 }, t, true).fired) clicks++;
    expect(clicks).toBe(1);
    for (let t = 2550; t <= 4000; t += 50) if (dwell.update({ x: 0.6, y: 0.2 }, t, true).fired) clicks++;
    expect(clicks).toBe(2);
  });

  it('never clicks where nothing can be pressed, nor with the cursor passing by', () => {
    const dwell = new DwellTimer(options);
    let clicks = 0;
    for (let t = 0; t <= 3000; t += 50) if (dwell.update({ x: 0.4, y: 0.4 }, t, false).fired) clicks++;
    for (let t = 3050; t <= 6000; t += 50) if (dwell.update({ x: (t - 3000) / 3000, y: 0.4 }, t, true).fired) clicks++;
    expect(clicks).toBe(0);
  });

  it('does not click after a pinch already clicked there', () => {
    const dwell = new DwellTimer(options);
    dwell.update({ x: 0.5, y: 0.5 }, 0, true);
    dwell.consume();
    let clicks = 0;
    for (let t = 50; t <= 3000; t += 50) if (dwell.update({ x: 0.5, y: 0.5 }, t, true).fired) clicks++;
    expect(clicks).toBe(0);
  });
});
