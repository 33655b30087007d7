import { describe, expect, it } from 'vitest';
import { layoutPreview } from './preview-layout.ts';

describe('the two virtual kiosks side by side', () => {
  it('gives both the same height and fills the width on a laptop', () => {
    const { portrait, landscape } = layoutPreview(1180, 16);
    expect(portrait.height).toBe(landscape.height);
    expect(portrait.width + landscape.width + 16).toBeLessThanOrEqual(1180);
    expect(portrait.width + landscape.width + 16).toBeGreaterThan(1170);
    expect(portrait.scale * 1920).toBeCloseTo(portrait.height);
    expect(landscape.scale * 1080).toBeCloseTo(landscape.height);
  });

  it('stops growing on a large screen, and never becomes a sliver', () => {
    expect(layoutPreview(4000, 16).portrait.height).toBe(720);
    expect(layoutPreview(100, 16).portrait.height).toBe(160);
  });
});
