import { describe, expect, it } from 'vitest';
import { INSTALL_IDLE_MS, installDecision, type InstallInput } from './install-policy.ts';

const SHANGHAI = 'Asia/Shanghai';
// 03:00 in Shanghai on 7 December 2026.
const NIGHT = Date.parse('2026-12-06T19:00:00Z');
// 15:00 in Shanghai.
const AFTERNOON = Date.parse('2026-12-07T07:00:00Z');

const input = (over: Partial<InstallInput>): InstallInput => ({ now: AFTERNOON, session: 'idle', sessionSince: AFTERNOON - 10 * 60_000, nightWindow: undefined, timeZone: SHANGHAI, ...over });

describe('when a downloaded update is installed', () => {
  it('waits while a shopper uses the screen, and a minute after they leave', () => {
    expect(installDecision(input({ session: 'active', sessionSince: AFTERNOON - 3_600_000 }))).toMatchObject({ install: false, waitingFor: 'shopper' });
    expect(installDecision(input({ sessionSince: AFTERNOON - INSTALL_IDLE_MS + 1 }))).toMatchObject({ install: false, waitingFor: 'shopper' });
    expect(installDecision(input({ sessionSince: AFTERNOON - INSTALL_IDLE_MS }))).toEqual({ install: true });
  });

  it('with a night window, installs only inside it, and still only between shoppers', () => {
    const nightWindow = { from: '02:00', to: '05:00' };
    const waiting = installDecision(input({ nightWindow }));
    expect(waiting).toMatchObject({ install: false, waitingFor: 'night-window' });
    expect(waiting.install === false && waiting.message).toContain('02:00–05:00 (Asia/Shanghai)');
    expect(installDecision(input({ nightWindow, now: NIGHT, sessionSince: NIGHT - 120_000 }))).toEqual({ install: true });
    expect(installDecision(input({ nightWindow, now: NIGHT, session: 'active', sessionSince: NIGHT - 120_000 }))).toMatchObject({ install: false, waitingFor: 'shopper' });
  });

  it('reads the night window in the kiosk’s time zone, not the machine’s', () => {
    // 03:00 in Shanghai is 20:00 the evening before in Berlin.
    const nightWindow = { from: '02:00', to: '05:00' };
    expect(installDecision(input({ nightWindow, now: NIGHT, sessionSince: 0, timeZone: 'Europe/Berlin' }))).toMatchObject({ install: false, waitingFor: 'night-window' });
    expect(installDecision(input({ nightWindow: { from: '19:00', to: '21:00' }, now: NIGHT, sessionSince: 0, timeZone: 'Europe/Berlin' }))).toEqual({ install: true });
  });
});
