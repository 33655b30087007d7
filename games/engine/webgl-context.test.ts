import { describe, expect, it } from 'vitest';
import { BATCH_TEXTURES, limitTextureUnits } from './webgl-context.ts';

const MAX_TEXTURE_IMAGE_UNITS = 0x8872 as const;
const MAX_TEXTURE_SIZE = 0x0d33;

/** A context's parameter reader as a GPU reports it (16 texture units is what most do). */
function fakeContext(units: number) {
  const values = new Map<number, unknown>([
    [MAX_TEXTURE_IMAGE_UNITS, units],
    [MAX_TEXTURE_SIZE, 8192],
  ]);
  return {
    MAX_TEXTURE_IMAGE_UNITS,
    getParameter(this: { MAX_TEXTURE_IMAGE_UNITS: number }, name: number): unknown {
      // A real context throws when called on anything else: the wrapper must keep `this`.
      if (this.MAX_TEXTURE_IMAGE_UNITS !== MAX_TEXTURE_IMAGE_UNITS) throw new TypeError('Illegal invocation');
      return values.get(name) ?? null;
    },
  };
}

describe('the games WebGL context', () => {
  it('tells pixi of at most 4 texture units, so its batch shader branches over 4 samplers, not 16', () => {
    const gl = limitTextureUnits(fakeContext(16));
    expect(BATCH_TEXTURES).toBe(4);
    expect(gl.getParameter(MAX_TEXTURE_IMAGE_UNITS)).toBe(4);
  });

  it('reports fewer units as they are, and every other parameter unchanged', () => {
    expect(limitTextureUnits(fakeContext(2)).getParameter(MAX_TEXTURE_IMAGE_UNITS)).toBe(2);
    const gl = limitTextureUnits(fakeContext(16));
    expect(gl.getParameter(MAX_TEXTURE_SIZE)).toBe(8192);
    expect(gl.getParameter(0x1f01)).toBeNull();
  });

  it('changes only the context it is given', () => {
    const other = fakeContext(16);
    limitTextureUnits(fakeContext(16));
    expect(other.getParameter(MAX_TEXTURE_IMAGE_UNITS)).toBe(16);
  });
});
