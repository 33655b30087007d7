// What the kiosk reports about its gesture pipeline, from the numbers it is given.
import { describe, expect, it } from 'vitest';
import { PipelineStats } from './pipeline-stats.ts';

describe('gesture pipeline stats', () => {
  it('say nothing before a frame is analysed, and nothing again until another one is', () => {
    const stats = new PipelineStats();
    expect(stats.report()).toBeNull();
    stats.analysed(1, 40);
    expect(stats.report()?.frames).toBe(1);
    expect(stats.report()).toBeNull();
    stats.analysed(0, 40);
    expect(stats.report()?.frames).toBe(2);
  });

  it('count the frames with a hand apart, and give median and p90 to a tenth of a millisecond', () => {
    const stats = new PipelineStats();
    for (let i = 1; i <= 10; i++) {
      stats.analysed(i % 2, 30 + i + 0.04);
      stats.timed(i / 3, 60 + 10 * i);
    }
    expect(stats.report()).toEqual({
      frames: 10,
      handFrames: 5,
      inferenceMedianMs: 35,
      inferenceP90Ms: 39,
      mainThreadMedianMs: 1.7,
      mainThreadP90Ms: 3,
      latencyMedianMs: 110,
      latencyP90Ms: 150,
    });
  });

  it('report a frame the page has not timed yet with no UI-thread numbers', () => {
    const stats = new PipelineStats();
    stats.analysed(1, 52.36);
    expect(stats.report()).toMatchObject({ frames: 1, handFrames: 1, inferenceMedianMs: 52.4, mainThreadMedianMs: null, latencyP90Ms: null });
  });
});
