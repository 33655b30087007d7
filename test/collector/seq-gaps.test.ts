import { describe, expect, it } from 'vitest';
import { countRanges, mergeRanges, subtractRanges } from './seq-gaps.ts';

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
});
