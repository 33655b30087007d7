// Keeps the admin PIN hash and the lockout state in the kiosk's data folder.
import path from 'node:path';
import type { AdminPinStore, LockoutState, PinHash } from './admin-pin.ts';
import { readJsonFile, writeJsonFileAtomic } from './json-file.ts';

export function fileAdminPinStore(dir: string): AdminPinStore {
  const hashFile = path.join(dir, 'admin-pin.json');
  const lockoutFile = path.join(dir, 'admin-lockout.json');
  return {
    async readHash() {
      const value = (await readJsonFile(hashFile).catch(() => undefined)) as PinHash | undefined;
      return value?.algorithm === 'scrypt' && typeof value.hash === 'string' ? value : null;
    },
    writeHash: (hash) => writeJsonFileAtomic(hashFile, hash),
    async readLockout() {
      const value = (await readJsonFile(lockoutFile).catch(() => undefined)) as LockoutState | undefined;
      return {
        failures: Number(value?.failures) || 0,
        lockouts: Number(value?.lockouts) || 0,
        lockedUntil: Number(value?.lockedUntil) || 0,
      };
    },
    writeLockout: (state) => writeJsonFileAtomic(lockoutFile, state),
  };
}
