import { describe, expect, it } from 'vitest';
import { nightlyRestartDecision, RESTART_LATE_LIMIT_MS, type NightlyRestartInput } from './nightly-restart.ts';

const BERLIN = 'Europe/Berlin';
const MIN = 60_000;

/** A fake clock walking minute by minute; the app "restarts" whenever the decision says so. */
function simulate(from: string, hours: number, at: string, busy: (now: number) => boolean = () => false): string[] {
  let now = Date.parse(from);
  let startedAt = now - 3_600_000;
  let session: 'idle' | 'active' = 'idle';
  let sessionSince = startedAt;
  const restarts: string[] = [];
  for (const end = now + hours * 3_600_000; now < end; now += MIN) {
    const next = busy(now) ? 'active' : 'idle';
    if (next !== session) [session, sessionSince] = [next, now];
    const input: NightlyRestartInput = { at, timeZone: BERLIN, now, startedAt, session, sessionSince };
    if (nightlyRestartDecision(input).restart) {
      restarts.push(new Date(now).toISOString());
      startedAt = now + 5_000;
    }
  }
  return restarts;
}

describe('the nightly restart', () => {
  it('happens once a night at the configured local time', () => {
    expect(simulate('2026-06-01T12:00:00Z', 72, '04:30')).toEqual(['2026-06-02T02:30:00.000Z', '2026-06-03T02:30:00.000Z', '2026-06-04T02:30:00.000Z']);
  });

  it('happens once on the nights the clocks change, at the same local time (a skipped time an hour later)', () => {
    // Spring forward on 29 March (02:00→03:00): 02:30 does not exist that night.
    expect(simulate('2026-03-28T12:00:00Z', 48, '02:30')).toEqual(['2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z']);
    // Fall back on 25 October (03:00→02:00): 02:30 happens twice; one restart.
    expect(simulate('2026-10-24T12:00:00Z', 48, '02:30')).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it('waits for a shopper to leave, and skips a night that stays busy too long', () => {
    const shopperUntil = Date.parse('2026-06-02T02:47:00Z');
    const restarts = simulate('2026-06-01T12:00:00Z', 24, '04:30', (now) => now >= Date.parse('2026-06-02T02:20:00Z') && now < shopperUntil);
    // 30 s of an empty screen after the shopper left, at the next minute's look.
    expect(restarts).toEqual(['2026-06-02T02:48:00.000Z']);
    const busyNight = simulate('2026-06-01T12:00:00Z', 24, '04:30', (now) => now >= Date.parse('2026-06-02T02:00:00Z') && now < Date.parse('2026-06-02T02:30:00Z') + RESTART_LATE_LIMIT_MS + MIN);
    expect(busyNight).toEqual([]);
  });
});
