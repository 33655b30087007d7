import { describe, expect, it } from 'vitest';
import { qrModules } from './qr-modules.ts';

describe('QR code as SVG modules', () => {
  it('draws every dark module once, as horizontal runs', () => {
    const qr = qrModules('HELLO');
    const runs = [...qr.path.matchAll(/M(\d+) (\d+)h(\d+)/g)].map((m) => Number(m[3]));
    const dark = runs.reduce((a, b) => a + b, 0);
    expect(qr.size).toBe(21);
    // Version 1 has three 7x7 finder patterns (33 dark modules each) and timing lines at least.
    expect(dark).toBeGreaterThan(3 * 33);
    expect(dark).toBeLessThan(21 * 21);
  });

  it('refuses text no QR version can hold', () => {
    expect(() => qrModules('x'.repeat(5000))).toThrow();
  });
});
