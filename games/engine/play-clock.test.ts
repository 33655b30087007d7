import { describe, expect, it } from 'vitest';
import { MAX_STEP_MS, PlayClock } from './play-clock.ts';

describe('play clock', () => {
  it('counts frame time up to the duration, then stops', () => {
    const clock = new PlayClock(1000);
    for (let i = 0; i < 60; i++) clock.advance(16);
    expect(clock.elapsedMs).toBe(960);
    expect(clock.advance(16)).toBe(16);
    expect(clock.advance(30)).toBe(24);
    expect(clock.done).toBe(true);
    expect(clock.remainingMs).toBe(0);
    expect(clock.advance(16)).toBe(0);
  });

  it('does not let a stalled frame eat the shopper\'s seconds', () => {
    const clock = new PlayClock(30_000);
    expect(clock.advance(5000)).toBe(MAX_STEP_MS);
    expect(clock.remainingMs).toBe(30_000 - MAX_STEP_MS);
    expect(clock.advance(-5)).toBe(0);
  });
});
