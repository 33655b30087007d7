// What the agent keeps between starts, through stores the host gives it: its credential
// (main encrypts it at rest with the OS key store; the browser keeps it in IndexedDB) and
// the ledger of commands it ran. The agent checks whatever it reads back.
import { z } from 'zod';

/** One value a host keeps for the agent. `read` answers what was written last (unchecked), or null. */
export interface ValueStore<T> {
  read(): Promise<unknown>;
  write(value: T | null): Promise<void>;
}

export const StoredCredential = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('enrolled'),
    /** The hub it was issued by: a credential is never sent to another hub. */
    hubUrl: z.string(),
    /** The kiosk's credential (`kt_…`). */
    token: z.string().min(1),
    deviceId: z.string(),
    storeId: z.string(),
    kioskName: z.string(),
    enrolledAt: z.string(),
  }),
  z.object({
    /** The hub refused the credential (401): it is forgotten; the kiosk does not enrol by itself again. */
    kind: z.literal('revoked'),
    hubUrl: z.string(),
    storeId: z.string().nullable(),
    kioskName: z.string().nullable(),
    at: z.number(),
    reason: z.string(),
  }),
]);
export type StoredCredential = z.infer<typeof StoredCredential>;
export type EnrolledCredential = Extract<StoredCredential, { kind: 'enrolled' }>;
export type RevokedCredential = Extract<StoredCredential, { kind: 'revoked' }>;

/** A store in memory: for a host with nowhere to keep things, and for tests. */
export function memoryStore<T>(initial: T | null = null): ValueStore<T> & { value: T | null } {
  const store = {
    value: initial,
    read: async () => (store.value === null ? null : structuredClone(store.value)),
    write: async (value: T | null) => void (store.value = value === null ? null : structuredClone(value)),
  };
  return store;
}
