import { describe, expect, it } from 'vitest';
import { FreezeTicker } from './freeze-ticker.ts';

describe('the frame ticks the renderer sends the host', () => {
  it('reports a drawn frame at most every two seconds at 60 fps', () => {
    const ticker = new FreezeTicker(2_000);
    const sent: number[] = [];
    for (let t = 0; t <= 10_000; t += 1000 / 60) if (ticker.frame(t)) sent.push(Math.round(t));
    expect(sent.length).toBe(5);
    expect(sent[0]).toBe(0);
    for (let i = 1; i < sent.length; i++) expect(sent[i]! - sent[i - 1]!).toBeGreaterThanOrEqual(2_000);
  });

  it('says at once when the page is hidden, and reports the first frame after it is shown', () => {
    const ticker = new FreezeTicker(2_000);
    expect(ticker.frame(0)).toEqual({ visible: true });
    expect(ticker.visibility(true)).toEqual({ visible: false });
    expect(ticker.visibility(false)).toBeNull();
    expect(ticker.frame(500)).toEqual({ visible: true });
    expect(ticker.frame(1_000)).toBeNull();
  });
});
