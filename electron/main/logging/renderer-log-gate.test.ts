import { describe, expect, it } from 'vitest';
import { LogGate } from './renderer-log-gate.ts';

describe('the renderer log gate', () => {
  it('lets a burst through, then a steady trickle, and says how many it turned away', () => {
    const gate = new LogGate({ burst: 5, perSecond: 2 });
    const first = Array.from({ length: 20 }, () => gate.admit(0));
    expect(first.filter((a) => a.pass)).toHaveLength(5);
    // Half a second later one more line is allowed, and it carries the count of the 15 turned away.
    expect(gate.admit(500)).toEqual({ pass: true, dropped: 15 });
    expect(gate.admit(500)).toEqual({ pass: false });
    // A quiet minute fills the bucket again, never beyond the burst.
    const later = Array.from({ length: 10 }, () => gate.admit(60_500));
    expect(later.filter((a) => a.pass)).toHaveLength(5);
    expect(later[0]).toEqual({ pass: true, dropped: 1 });
  });
});
