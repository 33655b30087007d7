import { describe, expect, it } from 'vitest';
import { idleLimits, idlePhase } from './idle-phase.ts';

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

describe('idle limits', () => {
  const settings = { timeoutSec: 45, warningSec: 10 };
  it('are the kiosk settings while no coupon shows', () => {
    expect(idleLimits(settings, 'browsing')).toEqual({ timeoutMs: 45_000, warningMs: 10_000 });
  });
  it('give a shopper with a coupon three minutes without a touch, or what the kiosk settings say', () => {
    expect(idleLimits(settings, 'coupon')).toEqual({ timeoutMs: 180_000, warningMs: 10_000 });
    expect(idleLimits({ ...settings, couponTimeoutSec: 300 }, 'coupon')).toEqual({ timeoutMs: 300_000, warningMs: 10_000 });
    // Never shorter than the usual timeout.
    expect(idleLimits({ timeoutSec: 600, warningSec: 10, couponTimeoutSec: 120 }, 'coupon').timeoutMs).toBe(600_000);
  });
  it('let a coupon outlast the usual countdown: no warning at 35 s, none at 45 s', () => {
    const { timeoutMs, warningMs } = idleLimits(settings, 'coupon');
    expect(idlePhase(0, 35_000, timeoutMs, warningMs)).toEqual({ phase: 'active' });
    expect(idlePhase(0, 45_000, timeoutMs, warningMs)).toEqual({ phase: 'active' });
    expect(idlePhase(0, 170_000, timeoutMs, warningMs)).toEqual({ phase: 'warning', remainingSec: 10 });
    expect(idlePhase(0, 180_000, timeoutMs, warningMs)).toEqual({ phase: 'expired' });
  });
  it('wait out a game that plays itself (a slow wheel): no countdown at the usual time, but a game that never ends still ends the session', () => {
    const { timeoutMs, warningMs } = idleLimits(settings, 'playing');
    expect(idlePhase(0, 45_000, timeoutMs, warningMs)).toEqual({ phase: 'active' });
    expect(idlePhase(0, 60_000, timeoutMs, warningMs)).toEqual({ phase: 'active' });
    expect(idlePhase(0, 155_000, timeoutMs, warningMs)).toEqual({ phase: 'warning', remainingSec: 10 });
    expect(idlePhase(0, 165_000, timeoutMs, warningMs)).toEqual({ phase: 'expired' });
  });
});
