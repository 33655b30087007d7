import { describe, expect, it } from 'vitest';
import { countRanges, holesIn, mergeRanges, missingSeqs, readSeqRanges, subtractRanges } from './seq-ranges.ts';

describe('seq gaps', () => {
  it('takes known drops out of the holes, splitting where needed', () => {
    expect(subtractRanges([[1, 10], [20, 25]], [[3, 4], [10, 21], [24, 24]])).toEqual([[1, 2], [5, 9], [22, 23], [25, 25]]);
    expect(subtractRanges([[5, 6]], [[1, 2], [8, 9]])).toEqual([[5, 6]]);
    expect(subtractRanges([[5, 6]], [[1, 9]])).toEqual([]);
  });
  it('merges overlapping and touching ranges and counts them', () => {
    const merged = mergeRanges([[7, 9], [1, 3], [4, 4], [8, 12]]);
    expect(merged).toEqual([[1, 4], [7, 12]]);
    expect(countRanges(merged)).toBe(10);
  });
  it('finds the holes below the highest seq received, from 1', () => {
    expect(holesIn([[3, 5], [8, 8], [10, 12]])).toEqual([[1, 2], [6, 7], [9, 9]]);
    expect(holesIn([[1, 100]])).toEqual([]);
    expect(holesIn([])).toEqual([]);
  });
  it('counts as missing only what no drop report explains', () => {
    expect(missingSeqs([[1, 4], [10, 12]], [[5, 7]])).toEqual([[8, 9]]);
    expect(countRanges(missingSeqs([[1, 4], [10, 12]], [[9, 9], [5, 8]]))).toBe(0);
  });
  it('reads only well-formed ranges from a drop report', () => {
    expect(readSeqRanges([[1, 2], [5, 3], [0, 1], ['a', 2], [7, 7.5], [9, 9]])).toEqual([[1, 2], [9, 9]]);
    expect(readSeqRanges('1-2')).toEqual([]);
  });
});
