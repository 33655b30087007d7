// A camera read counts only when two reads agree: one frame can misread a blurred
// EAN, two identical reads in a row almost never do. After a code is accepted the
// same code is ignored for a while, so a product held still is not scanned twice.

export type ReadVerdict = 'first' | 'confirmed' | 'cooldown';

export interface ReadConfirmer {
  offer(key: string, at: number): ReadVerdict;
  reset(): void;
}

export function createReadConfirmer({ windowMs = 1500, cooldownMs = 3000 } = {}): ReadConfirmer {
  let pending: { key: string; at: number } | null = null;
  let accepted: { key: string; at: number } | null = null;
  return {
    offer(key, at) {
      if (accepted && accepted.key === key && at - accepted.at < cooldownMs) return 'cooldown';
      if (pending && pending.key === key && at - pending.at <= windowMs) {
        accepted = { key, at };
        pending = null;
        return 'confirmed';
      }
      pending = { key, at };
      return 'first';
    },
    reset() {
      pending = null;
      accepted = null;
    },
  };
}
