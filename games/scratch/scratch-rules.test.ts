import { describe, expect, it } from 'vitest';
import { clearedShare, createMask, dealCard, matchedSymbol, scratchAt, strokePoints, winningCells } from './scratch-rules.ts';

const seeded = (seed: number) => () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const counts = (card: number[]) => [...card.reduce((m, s) => m.set(s, (m.get(s) ?? 0) + 1), new Map<number, number>()).values()].sort();

describe('scratch card rules', () => {
  it('deals three of a kind exactly when the prize rules said "win"', () => {
    const random = seeded(9);
    for (const symbols of [3, 4, 6, 9]) {
      for (let i = 0; i < 200; i++) {
        const win = dealCard(true, symbols, random);
        expect(win).toHaveLength(6);
        expect(matchedSymbol(win)).not.toBeNull();
        expect(Math.max(...counts(win))).toBe(3);
        expect(counts(win).filter((c) => c === 3)).toHaveLength(1);
        const lose = dealCard(false, symbols, random);
        expect(lose).toHaveLength(6);
        expect(matchedSymbol(lose)).toBeNull();
        expect(Math.max(...lose)).toBeLessThan(symbols);
      }
    }
  });

  it('reveals as the winning three exactly the three cells of the matched symbol, and none when the rules said "no prize"', () => {
    const random = seeded(21);
    for (let i = 0; i < 300; i++) {
      const won = dealCard(true, 3 + (i % 5), random);
      const cells = winningCells(won);
      expect(cells).toHaveLength(3);
      expect(new Set(cells.map((c) => won[c])).size).toBe(1);
      expect(won[cells[0]!]).toBe(matchedSymbol(won));
      expect(won.filter((s) => s === won[cells[0]!])).toHaveLength(3);
      expect(winningCells(dealCard(false, 3 + (i % 5), random))).toEqual([]);
    }
    expect(winningCells([2, 0, 2, 1, 2, 0])).toEqual([0, 2, 4]);
  });

  it('puts the winning symbols in different places from card to card', () => {
    const random = seeded(4);
    const layouts = new Set(Array.from({ length: 50 }, () => dealCard(true, 5, random).join()));
    expect(layouts.size).toBeGreaterThan(20);
  });

  it('refuses a card with fewer than three symbols', () => {
    expect(() => dealCard(false, 2, seeded(1))).toThrow(/at least 3/);
  });

  it('counts the share of the cover scratched off, never twice for the same spot', () => {
    const mask = createMask({ width: 800, height: 1200 });
    expect(mask.cols * mask.rows).toBe(32 * 48);
    const first = scratchAt(mask, 400, 600, 70);
    expect(first).toBeGreaterThan(20);
    expect(scratchAt(mask, 400, 600, 70)).toBe(0);
    for (let y = 0; y <= 1200; y += 50) for (let x = 0; x <= 800; x += 50) scratchAt(mask, x, y, 70);
    expect(clearedShare(mask)).toBe(1);
  });

  it('fills a fast stroke with brush stamps close enough to leave no gaps', () => {
    const points = strokePoints({ x: 0, y: 0 }, { x: 300, y: 400 }, 60);
    expect(points.at(-1)).toEqual({ x: 300, y: 400 });
    for (let i = 1; i < points.length; i++) expect(Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y)).toBeLessThanOrEqual(30);
    expect(strokePoints(null, { x: 5, y: 5 }, 60)).toEqual([{ x: 5, y: 5 }]);
  });
});
