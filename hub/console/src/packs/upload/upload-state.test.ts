import { describe, expect, it } from 'vitest';
import { fileProblem, percentSent, secondsLeft } from './upload-state.ts';

describe('an upload’s progress', () => {
  it('sends only .kpack files that are not empty and not over the limit', () => {
    expect(fileProblem({ name: 'spring-2026.kpack', size: 10 })).toBeNull();
    expect(fileProblem({ name: 'SPRING.KPACK', size: 10 })).toBeNull();
    expect(fileProblem({ name: 'products.xlsx', size: 10 })).toBe('not-kpack');
    expect(fileProblem({ name: 'spring.kpack', size: 0 })).toBe('empty');
    expect(fileProblem({ name: 'huge.kpack', size: 3 * 1024 ** 3 })).toBe('too-large');
  });

  it('says how much has gone and how long the rest will take at the speed so far', () => {
    expect(percentSent({ sent: 0, total: 0 })).toBe(0);
    expect(percentSent({ sent: 333, total: 1000 })).toBe(33);
    expect(percentSent({ sent: 1000, total: 1000 })).toBe(100);
    const sending = { sent: 250_000_000, total: 1_000_000_000, startedAt: 0 };
    expect(secondsLeft(sending, 500)).toBeNull();
    expect(secondsLeft(sending, 5_000)).toBe(15);
    expect(secondsLeft({ ...sending, sent: sending.total }, 5_000)).toBeNull();
  });
});
