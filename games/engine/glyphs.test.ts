import { describe, expect, it } from 'vitest';
import { fontSpec, GAME_FONT, loadGlyphs } from './glyphs.ts';

describe('glyphs a game draws', () => {
  it('asks the Font Loading API for each weight once, with every character the game will draw', async () => {
    const asked: [string, string][] = [];
    const set = { load: async (font: string, text?: string) => (asked.push([font, text ?? '']), []) };
    await loadGlyphs([{ weight: '700', size: 40 }, { weight: '700', size: 40 }, { weight: '700', size: 56 }], ['鲜榨橙汁', '再接再厉', '转', '鲜榨'], 1000, set);
    expect(asked).toEqual([
      ['700 40px "Noto Sans SC"', '鲜榨橙汁再接厉转'],
      ['700 56px "Noto Sans SC"', '鲜榨橙汁再接厉转'],
    ]);
    expect(GAME_FONT).toBe('Noto Sans SC, sans-serif');
    expect(fontSpec({ weight: '400', size: 12 })).toBe('400 12px "Noto Sans SC"');
  });

  it('never holds a game up for good, and never fails it', async () => {
    const never = { load: () => new Promise<FontFace[]>(() => undefined) };
    const started = Date.now();
    await loadGlyphs([{ weight: '700', size: 40 }], ['鲜'], 50, never);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(loadGlyphs([{ weight: '700', size: 40 }], ['鲜'], 50, { load: () => Promise.reject(new Error('offline')) })).resolves.toBeUndefined();
  });

  it('skips the API when there is nothing to draw or no API', async () => {
    const set = { load: () => Promise.reject(new Error('must not be asked')) };
    await expect(loadGlyphs([{ weight: '700', size: 40 }], [' ', ''], 50, set)).resolves.toBeUndefined();
    await expect(loadGlyphs([{ weight: '700', size: 40 }], ['鲜'], 50, undefined)).resolves.toBeUndefined();
  });
});
