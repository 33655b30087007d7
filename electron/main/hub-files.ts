// Where main keeps the hub agent's state, in the data folder: the kiosk's hub credential
// (its token encrypted with the OS key store through safeStorage, as the coupon key is)
// and the ledger of commands it ran. Both written atomically.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { StoredCredential, ValueStore } from '../common/hub-agent/agent-stores.ts';
import type { SecretBox } from './coupon-keys.ts';
import { readJsonFile, writeJsonFileAtomic } from './json-file.ts';

export const HUB_CREDENTIAL_FILE = 'hub-credential.json';
export const HUB_LEDGER_FILE = 'hub-commands-run.json';

type ProtectedToken = { protection: 'safeStorage'; backend: string; data: string } | { protection: 'none'; token: string };

type CredentialFile =
  | ({ kind: 'kiosk-hub-credential' } & Omit<Extract<StoredCredential, { kind: 'enrolled' }>, 'kind' | 'token'> & { token: ProtectedToken })
  | ({ kind: 'kiosk-hub-revoked' } & Omit<Extract<StoredCredential, { kind: 'revoked' }>, 'kind'>);

export interface CredentialFileStore extends ValueStore<StoredCredential> {
  /** What an installer should know about how the credential is kept (no OS encryption), or null. */
  problem(): string | null;
}

/** The hub credential in `dir`, its token encrypted whenever the machine has a key store. */
export function fileCredentialStore(dir: string, box: SecretBox): CredentialFileStore {
  const file = path.join(dir, HUB_CREDENTIAL_FILE);
  let problem: string | null = null;

  const noteProtection = (token: ProtectedToken) => {
    if (token.protection === 'none') problem = 'The hub credential is stored without OS encryption (no key store is available): anyone who copies the kiosk\'s data folder can report as this kiosk.';
    else if (token.backend === 'basic_text') problem = 'The hub credential is encrypted with Chromium\'s built-in password only (no gnome-keyring or KWallet): install a key store for OS protection.';
    else problem = null;
  };

  async function protect(token: string): Promise<ProtectedToken> {
    if (!(await box.isAvailable())) return { protection: 'none', token };
    return { protection: 'safeStorage', backend: box.backend(), data: (await box.encrypt(token)).toString('base64') };
  }

  return {
    problem: () => problem,
    async read() {
      const stored = (await readJsonFile(file)) as CredentialFile | undefined;
      if (!stored) return null;
      if (stored.kind === 'kiosk-hub-revoked') {
        const { kind: _kind, ...rest } = stored;
        return { kind: 'revoked', ...rest };
      }
      if (stored.kind !== 'kiosk-hub-credential' || typeof stored.token !== 'object' || stored.token === null) return null;
      const { kind: _kind, token: sealed, ...rest } = stored;
      noteProtection(sealed);
      let token: string;
      if (sealed.protection === 'none') token = sealed.token;
      else {
        try {
          token = (await box.decrypt(Buffer.from(sealed.data, 'base64'))).plain;
        } catch {
          problem = 'The hub credential could not be decrypted on this machine (the OS key store changed): enrol the kiosk again.';
          return null;
        }
      }
      return { kind: 'enrolled', ...rest, token };
    },
    async write(value) {
      if (value === null) return fs.rm(file, { force: true });
      if (value.kind === 'revoked') {
        const { kind: _kind, ...rest } = value;
        problem = null;
        return writeJsonFileAtomic(file, { kind: 'kiosk-hub-revoked', ...rest } satisfies CredentialFile);
      }
      const { kind: _kind, token, ...rest } = value;
      const sealed = await protect(token);
      noteProtection(sealed);
      await writeJsonFileAtomic(file, { kind: 'kiosk-hub-credential', ...rest, token: sealed } satisfies CredentialFile);
    },
  };
}

/** A JSON value in a file of the data folder (the command ledger). */
export function fileJsonStore<T>(file: string): ValueStore<T> {
  return {
    read: async () => (await readJsonFile(file)) ?? null,
    write: async (value) => (value === null ? fs.rm(file, { force: true }) : writeJsonFileAtomic(file, value)),
  };
}
