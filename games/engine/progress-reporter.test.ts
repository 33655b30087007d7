import { describe, expect, it } from 'vitest';
import type { GameProgress } from '../contract.ts';
import { progressReporter } from './progress-reporter.ts';

describe('progress reporter', () => {
  it('reports when the score or the whole second shown changes', () => {
    const seen: GameProgress[] = [];
    const report = progressReporter((p) => seen.push(p));
    for (let ms = 3000; ms >= 1900; ms -= 100) report(0, ms);
    report(1, 1900);
    report(1, -5);
    expect(seen.map((p) => `${p.score}@${Math.ceil(p.remainingMs / 1000)}`)).toEqual(['0@3', '0@2', '1@2', '1@0']);
  });
});
