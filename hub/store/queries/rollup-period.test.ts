import { describe, expect, it } from 'vitest';
import { DAY, daysIn, HOUR, splitPeriod, type TimeRange } from './rollup-period.ts';

const D = Date.UTC(2026, 11, 1); // a day start
const MIN = 60_000;

/** The row starts (hours or days) the old single-table query read: `time >= floor(from) and time < to`. */
function rowsRead(from: number, to: number, grain: number): number[] {
  const out: number[] = [];
  for (let at = from - (((from % grain) + grain) % grain); at < to; at += grain) out.push(at);
  return out;
}

/** The same rows from a split: each built day's rows, and every row in the rest. */
function rowsOfSplit(split: { daily: TimeRange[]; rest: TimeRange[] }, grain: number): number[] {
  const out: number[] = [];
  for (const r of [...split.daily, ...split.rest]) for (let at = r.from; at < r.to; at += grain) out.push(at);
  return out.sort((a, b) => a - b);
}

describe('a dashboard period split between daily and hourly rollups', () => {
  it('reads a period on day boundaries from the daily rollups alone when every day is built', () => {
    const built = new Set([D, D + DAY, D + 2 * DAY]);
    expect(splitPeriod(D, D + 3 * DAY, HOUR, built)).toEqual({ daily: [{ from: D, to: D + 3 * DAY }], rest: [] });
  });

  it('reads the partial days at both ends by the hour, from the hour the period starts in', () => {
    const built = new Set([D, D + DAY, D + 2 * DAY, D + 3 * DAY]);
    const from = D + 5 * HOUR + 30 * MIN;
    const to = D + 3 * DAY + 2 * HOUR + 15 * MIN;
    expect(splitPeriod(from, to, HOUR, built)).toEqual({
      daily: [{ from: D + DAY, to: D + 3 * DAY }],
      rest: [
        { from: D + 5 * HOUR, to: D + DAY },
        { from: D + 3 * DAY, to: D + 3 * DAY + 3 * HOUR },
      ],
    });
  });

  it('reads a day not built yet (or changed since) by the hour, between built ones', () => {
    const built = new Set([D, D + 2 * DAY, D + 3 * DAY]);
    expect(splitPeriod(D, D + 4 * DAY, HOUR, built)).toEqual({
      daily: [
        { from: D, to: D + DAY },
        { from: D + 2 * DAY, to: D + 4 * DAY },
      ],
      rest: [{ from: D + DAY, to: D + 2 * DAY }],
    });
  });

  it('reads everything by the hour when nothing is built, or the period holds no whole day', () => {
    expect(splitPeriod(D + HOUR, D + 3 * DAY, HOUR, new Set())).toEqual({ daily: [], rest: [{ from: D + HOUR, to: D + 3 * DAY }] });
    // Across midnight, shorter than a day: both days built, neither whole in the period.
    expect(splitPeriod(D + 20 * HOUR, D + DAY + 4 * HOUR, HOUR, new Set([D, D + DAY]))).toEqual({ daily: [], rest: [{ from: D + 20 * HOUR, to: D + DAY + 4 * HOUR }] });
  });

  it('reads nothing for an empty period, and the hour it starts in when it ends inside that hour (as the hourly query always has)', () => {
    expect(splitPeriod(D + 2 * HOUR, D + 2 * HOUR, HOUR, new Set([D]))).toEqual({ daily: [], rest: [] });
    expect(splitPeriod(D + 3 * HOUR, D + HOUR, HOUR, new Set([D]))).toEqual({ daily: [], rest: [] });
    expect(splitPeriod(D + 2 * HOUR + MIN, D + 2 * HOUR + MIN, HOUR, new Set())).toEqual({ daily: [], rest: [{ from: D + 2 * HOUR, to: D + 3 * HOUR }] });
  });

  it('splits day-grained rollups (scans) by whole days: a period touching a day reads all of it', () => {
    const built = new Set([D, D + DAY]);
    expect(splitPeriod(D + 5 * HOUR, D + 2 * DAY + HOUR, DAY, built)).toEqual({ daily: [{ from: D, to: D + 2 * DAY }], rest: [{ from: D + 2 * DAY, to: D + 3 * DAY }] });
    expect(daysIn(D + 5 * HOUR, D + 2 * DAY + HOUR)).toEqual([D, D + DAY, D + 2 * DAY]);
    expect(daysIn(D, D + 2 * DAY)).toEqual([D, D + DAY]);
  });

  it('covers exactly the rows the hourly query read, each once, for any period and any built days', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 500; i++) {
      const from = D + Math.floor(rnd() * 6 * DAY);
      const to = from + Math.floor((rnd() - 0.1) * 5 * DAY);
      const built = new Set(Array.from({ length: 8 }, (_, k) => D + k * DAY).filter(() => rnd() < 0.6));
      for (const grain of [HOUR, DAY]) {
        const split = splitPeriod(from, to, grain, built);
        expect(rowsOfSplit(split, grain)).toEqual(rowsRead(from, to, grain));
        for (const r of split.daily) expect(built.has(r.from) && (r.to - r.from) % DAY === 0).toBe(true);
      }
    }
  });
});
