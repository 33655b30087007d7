import { describe, expect, it } from 'vitest';
import { PinchDetector } from './pinch-detector.ts';

function feed(detector: PinchDetector, ratios: (number | null)[]) {
  return ratios.map((r, i) => detector.update(r, i * 33));
}

describe('pinch detector', () => {
  it('presses after two closed frames and releases after two open ones', () => {
    const changes = feed(new PinchDetector(), [1.2, 0.9, 0.2, 0.15, 0.12, 0.6, 0.7, 1.1]);
    expect(changes).toEqual([null, null, null, 'press', null, null, 'release', null]);
  });

  it('ignores a single closed frame (a landmark glitch)', () => {
    expect(feed(new PinchDetector(), [1.0, 0.1, 1.0, 0.1, 1.0])).not.toContain('press');
  });

  it('does not chatter while the fingers hover around the threshold', () => {
    // Between the close (0.3) and open (0.5) thresholds nothing changes.
    const changes = feed(new PinchDetector(), [0.2, 0.2, 0.35, 0.45, 0.32, 0.48, 0.41, 0.29, 0.44]);
    expect(changes.filter(Boolean)).toEqual(['press']);
  });

  it('remembers when the fingers began closing, to place the click', () => {
    const d = new PinchDetector();
    // Open and wobbling, then closing from the 4th frame (1.41) on.
    feed(d, [1.38, 1.4, 1.37, 1.41, 1.1, 0.8, 0.5, 0.2, 0.05, 0.04]);
    expect(d.pressed).toBe(true);
    expect(d.closingStartedAt).toBe(3 * 33);
  });

  it('releases a held pinch when the hand is lost', () => {
    const d = new PinchDetector();
    feed(d, [0.1, 0.1]);
    expect(d.update(null, 100)).toBe('release');
    expect(d.pressed).toBe(false);
    expect(d.update(null, 133)).toBeNull();
  });
});
