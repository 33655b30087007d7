import { describe, expect, it } from 'vitest';
import { idlePhase } from './idle-phase.ts';

describe('idle phase', () => {
  const timeout = 45_000;
  const warning = 10_000;
  it('is active until the warning window', () => {
    expect(idlePhase(0, 0, timeout, warning)).toEqual({ phase: 'active' });
    expect(idlePhase(0, 34_999, timeout, warning)).toEqual({ phase: 'active' });
  });
  it('counts down the last seconds in whole seconds', () => {
    expect(idlePhase(0, 35_000, timeout, warning)).toEqual({ phase: 'warning', remainingSec: 10 });
    expect(idlePhase(0, 35_001, timeout, warning)).toEqual({ phase: 'warning', remainingSec: 10 });
    expect(idlePhase(0, 44_100, timeout, warning)).toEqual({ phase: 'warning', remainingSec: 1 });
  });
  it('expires at the timeout and stays expired', () => {
    expect(idlePhase(0, 45_000, timeout, warning)).toEqual({ phase: 'expired' });
    expect(idlePhase(0, 10_000_000, timeout, warning)).toEqual({ phase: 'expired' });
  });
  it('treats a clock that went backwards as fresh activity', () => {
    expect(idlePhase(50_000, 10_000, timeout, warning)).toEqual({ phase: 'active' });
  });
});
