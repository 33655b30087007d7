import { describe, expect, it } from 'vitest';
import { MAX_PROBATION_STARTS, Probation, PROBATION_SETTLE_MS, verdictAtStart, type PendingUpdate } from './probation.ts';

const T0 = 1_790_000_000_000;
const pending: PendingUpdate = {
  fromVersion: '1.2.0',
  toVersion: '1.3.0',
  kind: 'appimage',
  target: '/opt/kiosk/shopfront-kiosk.AppImage',
  previous: '/var/kiosk/app-updates/previous/shopfront-kiosk.AppImage',
  installedAt: T0,
  readyTimeoutSec: 180,
  starts: 0,
  rolledBack: null,
};

describe('a start after an update', () => {
  it('puts the new version on probation, counting its starts', () => {
    const first = verdictAtStart(pending, '1.3.0', T0 + 5_000);
    expect(first).toMatchObject({ verdict: 'probation', deadline: T0 + 5_000 + 180_000, pending: { starts: 1 } });
    let record = first.verdict === 'probation' ? first.pending : pending;
    for (let i = 2; i <= MAX_PROBATION_STARTS; i++) {
      const again = verdictAtStart(record, '1.3.0', T0 + i * 10_000);
      expect(again.verdict).toBe('probation');
      record = again.verdict === 'probation' ? again.pending : record;
    }
    // A version that keeps dying before its screen is up (main crashes, systemd starts it again) is gone back from.
    expect(verdictAtStart(record, '1.3.0', T0 + 60_000)).toMatchObject({ verdict: 'roll-back', reason: `1.3.0 stopped ${MAX_PROBATION_STARTS} times before its screen was ready.` });
  });

  it('reports the way back once the old version runs again, and an install that did not take', () => {
    const rolledBack = { ...pending, starts: 1, rolledBack: { reason: '1.3.0 did not show a working screen within 180 s of starting.', at: T0 + 200_000 } };
    expect(verdictAtStart(rolledBack, '1.2.0', T0 + 210_000)).toMatchObject({ verdict: 'rolled-back', reason: rolledBack.rolledBack.reason });
    expect(verdictAtStart(pending, '1.2.0', T0 + 5_000)).toMatchObject({ verdict: 'install-failed' });
    // Someone installed yet another version by hand: the record means nothing any more.
    expect(verdictAtStart(pending, '1.4.0', T0 + 5_000)).toMatchObject({ verdict: 'stale' });
    expect(verdictAtStart(null, '1.2.0', T0)).toEqual({ verdict: 'none' });
  });
});

describe('the probation of a new version', () => {
  const deadline = T0 + 180_000;

  it('keeps it once its screen has stayed up for a while', () => {
    const p = new Probation(pending, deadline);
    p.ready(T0 + 20_000);
    expect(p.decide(T0 + 20_000 + PROBATION_SETTLE_MS - 1)).toBe('wait');
    expect(p.decide(T0 + 20_000 + PROBATION_SETTLE_MS)).toBe('keep');
    expect(p.decide(deadline + 1)).toBe('wait'); // decided once
  });

  it('goes back when the screen never came up by the deadline, or fell over and did not come back', () => {
    const never = new Probation(pending, deadline);
    expect(never.decide(deadline - 1)).toBe('wait');
    expect(never.decide(deadline)).toBe('roll-back');
    expect(never.reason()).toBe('1.3.0 did not show a working screen within 180 s of starting.');

    const fell = new Probation(pending, deadline);
    fell.ready(T0 + 10_000);
    fell.gone(); // the renderer crashed 5 s later
    expect(fell.decide(T0 + 10_000 + PROBATION_SETTLE_MS)).toBe('wait');
    expect(fell.decide(deadline)).toBe('roll-back');
  });

  it('lets a screen that came up just before the deadline settle', () => {
    const late = new Probation(pending, deadline);
    late.ready(deadline - 1_000);
    expect(late.decide(deadline + 5_000)).toBe('wait');
    expect(late.decide(deadline - 1_000 + PROBATION_SETTLE_MS)).toBe('keep');
  });
});
