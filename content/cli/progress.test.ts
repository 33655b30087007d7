// What a merchandiser sees while a big pack is built, verified or uploaded: on a terminal
// a line that moves at least every second; in a log a new line every few seconds; never
// ten seconds of silence; nothing at all for work that ends within a second.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bi } from '../lib/report/bilingual.ts';
import { Progress, progressText } from './progress.ts';

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

/** Runs a step of `seconds`, `bytesPerSecond` done each second (0: a step that cannot count). */
function watch(tty: boolean, seconds: number, total: number, bytesPerSecond: number) {
  const writes: { at: number; text: string }[] = [];
  const progress = new Progress({ tty, write: (text) => writes.push({ at: Date.now(), text }) });
  progress.step(bi('正在写入内容包…', 'Writing the pack…'), total);
  for (let s = 1; s <= seconds * 10; s++) {
    progress.update(Math.min(total || Infinity, (bytesPerSecond * s) / 10), total);
    vi.advanceTimersByTime(100);
  }
  progress.end();
  return writes;
}

const longestSilence = (writes: { at: number }[], endAt: number) => {
  const times = [1000, ...writes.map((w) => w.at), endAt];
  return Math.max(...times.slice(1).map((t, i) => t - times[i]!));
};

describe('progress of long work', () => {
  it('on a terminal: the step in both languages, then one line redrawn with percent and MB at least every second', () => {
    const writes = watch(true, 30, 1e9, 40e6);
    expect(writes[0]!.text).toBe('正在写入内容包…\nWriting the pack…\n    4 %  40.0 / 1000.0 MB  1 s');
    expect(writes[0]!.at).toBe(1000);
    expect(writes.slice(1, -1).every((w) => w.text.startsWith('\r\x1b[K'))).toBe(true);
    expect(longestSilence(writes, 30_000)).toBeLessThanOrEqual(1000);
    expect(writes.map((w) => w.text).join('')).toContain(' 50 %  500.0 / 1000.0 MB');
    expect(writes.at(-1)!.text).toBe('\r\x1b[K  100 %  1000.0 / 1000.0 MB  30 s\n');
  });

  it('in a log or a pipe: a new line every few seconds, never ten seconds silent, no redrawing', () => {
    const writes = watch(false, 60, 1e9, 16e6);
    const text = writes.map((w) => w.text).join('');
    expect(text).not.toContain('\r');
    expect(writes.length).toBeGreaterThanOrEqual(12);
    expect(writes.length).toBeLessThanOrEqual(14);
    expect(longestSilence(writes, 60_000)).toBeLessThanOrEqual(5000);
    expect(text).toContain('\n    9 %  96.0 / 1000.0 MB  6 s\n');
  });

  it('counts seconds when a step cannot count its bytes, so it never looks stuck', () => {
    const writes = watch(false, 25, 0, 0);
    expect(writes.map((w) => w.text)).toEqual(['正在写入内容包…\nWriting the pack…\n  …  1 s\n', '  …  6 s\n', '  …  11 s\n', '  …  16 s\n', '  …  21 s\n', '  …  25 s\n']);
  });

  it('prints nothing for work that ends within a second', () => {
    expect(watch(true, 0.9, 1e6, 1e6)).toEqual([]);
    expect(watch(false, 0.9, 1e6, 1e6)).toEqual([]);
  });

  it('writes percent and MB of the total', () => {
    expect(progressText(250e6, 1e9, 12_400)).toBe('   25 %  250.0 / 1000.0 MB  12 s');
    expect(progressText(3.2e6, 0, 2000)).toBe('  3.2 MB  2 s');
  });
});
