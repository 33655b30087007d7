// A camera sees the same QR code many times a second for as long as it is held up: the
// gate lets a code through once, then not again while it stays in view (each sighting
// within `quietMs` keeps it shut) — so a coupon is never sent twice by accident.
export interface ReadGate {
  /** True when `text` read at `at` (ms) should be sent. */
  offer(text: string, at: number): boolean;
  /** The next coupon: the same code may be sent again. */
  reset(): void;
}

export function createReadGate(quietMs = 5000): ReadGate {
  let last: { text: string; at: number } | null = null;
  return {
    offer(text, at) {
      if (last && last.text === text && at - last.at < quietMs) {
        last.at = at;
        return false;
      }
      last = { text, at };
      return true;
    },
    reset() {
      last = null;
    },
  };
}
