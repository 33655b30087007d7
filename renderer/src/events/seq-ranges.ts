// Sets of seq numbers kept as sorted, non-overlapping, non-adjacent [from, to] ranges.

export type SeqRange = [number, number];

/** Adds one seq, merging with its neighbours. Returns the same array, changed. */
export function addSeq(ranges: SeqRange[], seq: number): SeqRange[] {
  // Binary search for the first range that starts after seq.
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]![0] <= seq) lo = mid + 1;
    else hi = mid;
  }
  const before = lo > 0 ? ranges[lo - 1]! : undefined;
  const after = lo < ranges.length ? ranges[lo]! : undefined;
  if (before && seq <= before[1]) return ranges; // already in
  const joinsBefore = before !== undefined && before[1] === seq - 1;
  const joinsAfter = after !== undefined && after[0] === seq + 1;
  if (joinsBefore && joinsAfter) {
    before[1] = after[1];
    ranges.splice(lo, 1);
  } else if (joinsBefore) before[1] = seq;
  else if (joinsAfter) after[0] = seq;
  else ranges.splice(lo, 0, [seq, seq]);
  return ranges;
}

/** Removes one seq, splitting a range if needed. Returns whether it was there. */
export function removeSeq(ranges: SeqRange[], seq: number): boolean {
  const i = ranges.findIndex(([from, to]) => from <= seq && seq <= to);
  if (i < 0) return false;
  const [from, to] = ranges[i]!;
  if (from === to) ranges.splice(i, 1);
  else if (seq === from) ranges[i] = [from + 1, to];
  else if (seq === to) ranges[i] = [from, to - 1];
  else ranges.splice(i, 1, [from, seq - 1], [seq + 1, to]);
  return true;
}

export function countSeqs(ranges: readonly SeqRange[]): number {
  return ranges.reduce((n, [from, to]) => n + (to - from + 1), 0);
}
