// The admin PIN: stored only as an scrypt hash, with a lockout that survives restarts.
// The only way out of kiosk mode goes through here.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (pin: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(pin, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

export interface PinHash {
  algorithm: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  hash: string;
}

export interface LockoutState {
  failures: number;
  lockouts: number;
  lockedUntil: number;
}

export interface AdminPinStore {
  readHash(): Promise<PinHash | null>;
  writeHash(hash: PinHash): Promise<void>;
  readLockout(): Promise<LockoutState>;
  writeLockout(state: LockoutState): Promise<void>;
}

export const PIN_POLICY = {
  maxFailures: 5,
  /** First lockout; each further lockout doubles, up to maxLockoutMs. */
  lockoutMs: 5 * 60_000,
  maxLockoutMs: 4 * 60 * 60_000,
  sessionMs: 5 * 60_000,
} as const;

const SCRYPT = { N: 1 << 15, r: 8, p: 1, keylen: 32 } as const;

export function isAcceptablePin(pin: string): boolean {
  return /^\d{4,12}$/.test(pin);
}

export async function hashPin(pin: string): Promise<PinHash> {
  if (!isAcceptablePin(pin)) throw new Error('An admin PIN is 4 to 12 digits.');
  const salt = randomBytes(16);
  const key = await scrypt(pin, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: 64 * 1024 * 1024 });
  return { algorithm: 'scrypt', N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, salt: salt.toString('base64'), hash: key.toString('base64') };
}

export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await scrypt(pin, Buffer.from(stored.salt, 'base64'), expected.length, {
    N: stored.N,
    r: stored.r,
    p: stored.p,
    maxmem: 128 * stored.N * stored.r * 2,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export type UnlockOutcome =
  | { ok: true; expiresAt: number }
  | { ok: false; reason: 'wrong-pin'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; retryAt: number }
  | { ok: false; reason: 'no-pin-set' };

/** Checks PINs, counts failures and locks the admin screen after too many. */
export class AdminGate {
  private unlockedUntil = 0;
  private checking: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: AdminPinStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** One attempt at a time, so parallel guesses cannot slip past the counter. */
  unlock(pin: string): Promise<UnlockOutcome> {
    const attempt = this.checking.then(() => this.tryUnlock(pin));
    this.checking = attempt.catch(() => undefined);
    return attempt;
  }

  isUnlocked(): boolean {
    return this.now() < this.unlockedUntil;
  }

  lock(): void {
    this.unlockedUntil = 0;
  }

  private async tryUnlock(pin: string): Promise<UnlockOutcome> {
    const stored = await this.store.readHash();
    if (!stored) return { ok: false, reason: 'no-pin-set' };
    const state = await this.store.readLockout();
    const now = this.now();
    if (state.lockedUntil > now) return { ok: false, reason: 'locked', retryAt: state.lockedUntil };

    if (isAcceptablePin(pin) && (await pinMatches(pin, stored))) {
      await this.store.writeLockout({ failures: 0, lockouts: 0, lockedUntil: 0 });
      this.unlockedUntil = now + PIN_POLICY.sessionMs;
      return { ok: true, expiresAt: this.unlockedUntil };
    }

    const failures = state.failures + 1;
    if (failures >= PIN_POLICY.maxFailures) {
      const lockoutMs = Math.min(PIN_POLICY.lockoutMs * 2 ** state.lockouts, PIN_POLICY.maxLockoutMs);
      const lockedUntil = now + lockoutMs;
      await this.store.writeLockout({ failures: 0, lockouts: state.lockouts + 1, lockedUntil });
      return { ok: false, reason: 'locked', retryAt: lockedUntil };
    }
    await this.store.writeLockout({ ...state, failures, lockedUntil: 0 });
    return { ok: false, reason: 'wrong-pin', attemptsLeft: PIN_POLICY.maxFailures - failures };
  }
}
