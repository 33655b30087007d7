// Seq numbers as sorted [from, to] ranges: what a kiosk sent, what it said it dropped,
// and what is missing once the known drops are taken out.

export type SeqRange = [number, number];

/** `a` minus `b`; both sorted by `from` and non-overlapping within themselves. */
export function subtractRanges(a: readonly SeqRange[], b: readonly SeqRange[]): SeqRange[] {
  const out: SeqRange[] = [];
  let j = 0;
  for (const [from, to] of a) {
    let start = from;
    while (j < b.length && b[j]![1] < start) j++;
    let k = j;
    while (start <= to) {
      const cut = b[k];
      if (!cut || cut[0] > to) {
        out.push([start, to]);
        break;
      }
      if (cut[0] > start) out.push([start, cut[0] - 1]);
      start = Math.max(start, cut[1] + 1);
      k++;
    }
  }
  return out;
}

/** Sorts and joins overlapping or touching ranges. */
export function mergeRanges(ranges: readonly SeqRange[]): SeqRange[] {
  const out: SeqRange[] = [];
  for (const [from, to] of [...ranges].sort((x, y) => x[0] - y[0])) {
    const last = out.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

export function countRanges(ranges: readonly SeqRange[]): number {
  return ranges.reduce((n, [from, to]) => n + to - from + 1, 0);
}

/** The holes below the highest seq received, counting from 1. */
export function holesIn(received: readonly SeqRange[]): SeqRange[] {
  const holes: SeqRange[] = [];
  let next = 1;
  for (const [from, to] of received) {
    if (from > next) holes.push([next, from - 1]);
    next = Math.max(next, to + 1);
  }
  return holes;
}

/** Seq numbers missing at the hub: holes in what arrived, not explained by a reported drop. */
export function missingSeqs(received: readonly SeqRange[], dropped: readonly SeqRange[]): SeqRange[] {
  return subtractRanges(holesIn(received), mergeRanges(dropped));
}

/** Well-formed ranges out of an Events Dropped report's `seq_ranges` (anything else ignored). */
export function readSeqRanges(value: unknown): SeqRange[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (r): r is SeqRange => Array.isArray(r) && r.length === 2 && Number.isSafeInteger(r[0]) && Number.isSafeInteger(r[1]) && r[0] >= 1 && r[0] <= r[1],
  );
}
