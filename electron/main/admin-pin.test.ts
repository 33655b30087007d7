import { describe, expect, it } from 'vitest';
import { AdminGate, PIN_POLICY, hashPin, pinMatches, type AdminPinStore, type LockoutState, type PinHash } from './admin-pin.ts';

function memoryStore(hash: PinHash | null): AdminPinStore & { lockout: LockoutState } {
  const s = {
    hash,
    lockout: { failures: 0, lockouts: 0, lockedUntil: 0 } as LockoutState,
    readHash: async () => s.hash,
    writeHash: async (h: PinHash) => void (s.hash = h),
    readLockout: async () => ({ ...s.lockout }),
    writeLockout: async (l: LockoutState) => void (s.lockout = { ...l }),
  };
  return s;
}

describe('admin PIN', () => {
  it('stores an scrypt hash, never the PIN', async () => {
    const h = await hashPin('482913');
    expect(h.algorithm).toBe('scrypt');
    expect(JSON.stringify(h)).not.toContain('482913');
    expect(await pinMatches('482913', h)).toBe(true);
    expect(await pinMatches('482914', h)).toBe(false);
  });

  it('refuses PINs that are not 4–12 digits', async () => {
    await expect(hashPin('12')).rejects.toThrow(/4 to 12 digits/);
    await expect(hashPin('abcd')).rejects.toThrow();
  });

  it('unlocks with the right PIN for a limited admin session', async () => {
    let now = 1_000_000;
    const gate = new AdminGate(memoryStore(await hashPin('2580')), () => now);
    const result = await gate.unlock('2580');
    expect(result).toEqual({ ok: true, expiresAt: now + PIN_POLICY.sessionMs });
    expect(gate.isUnlocked()).toBe(true);
    now += PIN_POLICY.sessionMs + 1;
    expect(gate.isUnlocked()).toBe(false);
  });

  it('locks out after repeated failures, even with the right PIN, and the lockout doubles', async () => {
    let now = 5_000_000;
    const store = memoryStore(await hashPin('2580'));
    const gate = new AdminGate(store, () => now);
    for (let i = 1; i < PIN_POLICY.maxFailures; i++) {
      expect(await gate.unlock('0000')).toEqual({ ok: false, reason: 'wrong-pin', attemptsLeft: PIN_POLICY.maxFailures - i });
    }
    expect(await gate.unlock('0000')).toEqual({ ok: false, reason: 'locked', retryAt: now + PIN_POLICY.lockoutMs });
    expect(await gate.unlock('2580')).toMatchObject({ ok: false, reason: 'locked' });
    expect(gate.isUnlocked()).toBe(false);

    // The lockout is in the store, so a restart (a new gate) keeps it.
    const restarted = new AdminGate(store, () => now);
    expect(await restarted.unlock('2580')).toMatchObject({ ok: false, reason: 'locked' });

    now += PIN_POLICY.lockoutMs;
    for (let i = 0; i < PIN_POLICY.maxFailures; i++) await restarted.unlock('1111');
    expect(store.lockout.lockedUntil).toBe(now + 2 * PIN_POLICY.lockoutMs);
  });

  it('counts parallel guesses one by one', async () => {
    const store = memoryStore(await hashPin('2580'));
    const gate = new AdminGate(store, () => 0);
    const results = await Promise.all(Array.from({ length: 8 }, () => gate.unlock('9999')));
    expect(results.filter((r) => !r.ok && r.reason === 'locked').length).toBeGreaterThanOrEqual(3);
    expect(await gate.unlock('2580')).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('says so when no PIN was ever set', async () => {
    const gate = new AdminGate(memoryStore(null));
    expect(await gate.unlock('1234')).toEqual({ ok: false, reason: 'no-pin-set' });
  });
});
