import { describe, expect, it } from 'vitest';
import { createReadConfirmer } from './read-confirmer.ts';

describe('two identical reads before a camera scan counts', () => {
  it('accepts a code on its second identical read', () => {
    const c = createReadConfirmer();
    expect(c.offer('EAN13:6901234567892', 0)).toBe('first');
    expect(c.offer('EAN13:6901234567892', 70)).toBe('confirmed');
  });

  it('does not accept two different reads (a misread between good ones starts over)', () => {
    const c = createReadConfirmer();
    expect(c.offer('EAN13:6901234567892', 0)).toBe('first');
    expect(c.offer('EAN13:6901234567885', 70)).toBe('first');
    expect(c.offer('EAN13:6901234567892', 140)).toBe('first');
    expect(c.offer('EAN13:6901234567892', 210)).toBe('confirmed');
  });

  it('does not pair reads too far apart', () => {
    const c = createReadConfirmer({ windowMs: 1000 });
    c.offer('QR:x', 0);
    expect(c.offer('QR:x', 1500)).toBe('first');
  });

  it('ignores the same code held still after it was accepted, then takes it again later', () => {
    const c = createReadConfirmer({ cooldownMs: 3000 });
    c.offer('EAN8:96385074', 0);
    c.offer('EAN8:96385074', 50);
    expect(c.offer('EAN8:96385074', 100)).toBe('cooldown');
    expect(c.offer('EAN8:96385074', 2900)).toBe('cooldown');
    expect(c.offer('EAN8:96385074', 3100)).toBe('first');
    expect(c.offer('EAN8:96385074', 3150)).toBe('confirmed');
    // Another product right after is not held back.
    expect(c.offer('EAN13:6901234567892', 3200)).toBe('first');
  });
});
