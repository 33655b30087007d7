// Seq numbers as sorted [from, to] ranges: what is missing once the known drops are taken out.

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
