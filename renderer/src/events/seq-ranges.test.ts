import { describe, expect, it } from 'vitest';
import { addSeq, countSeqs, removeSeq, type SeqRange } from './seq-ranges.ts';

describe('seq ranges', () => {
  it('merges neighbours in any order of arrival', () => {
    const ranges: SeqRange[] = [];
    for (const seq of [5, 3, 9, 4, 10, 1, 4]) addSeq(ranges, seq);
    expect(ranges).toEqual([
      [1, 1],
      [3, 5],
      [9, 10],
    ]);
    addSeq(ranges, 2);
    expect(ranges).toEqual([
      [1, 5],
      [9, 10],
    ]);
    expect(countSeqs(ranges)).toBe(7);
  });

  it('removes a seq from the middle, an edge or a single', () => {
    const ranges: SeqRange[] = [
      [1, 5],
      [8, 8],
    ];
    expect(removeSeq(ranges, 3)).toBe(true);
    expect(removeSeq(ranges, 8)).toBe(true);
    expect(removeSeq(ranges, 1)).toBe(true);
    expect(removeSeq(ranges, 7)).toBe(false);
    expect(ranges).toEqual([
      [2, 2],
      [4, 5],
    ]);
  });
});
