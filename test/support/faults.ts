// Ways the connection to the hub can fail on purpose, for the delivery tests and the fault
// benchmark: the fault proxy (fault-proxy.ts) draws the next fault from a plan for each
// upload (POST /v1/batch) it is sent.

export type Fault =
  | { kind: 'none' }
  /** Answer with this status (and Retry-After); with store, the hub keeps the events first, so only the answer is lost. */
  | { kind: 'status'; status: number; retryAfterSec?: number; store?: boolean }
  /** Never answer (the kiosk times out); with store, the hub keeps the events first. */
  | { kind: 'hang'; store?: boolean }
  /** Drop the connection while the body is arriving: the hub never sees the upload. */
  | { kind: 'reset-mid-body' }
  /** The hub keeps the events, then the connection drops without an answer. */
  | { kind: 'reset-after-store' }
  /** The hub gets about this share of the events; the rest are answered "retry". */
  | { kind: 'partial'; acceptRatio: number };

export interface FaultPlan {
  next(): Fault;
}

export const noFaults: FaultPlan = { next: () => ({ kind: 'none' }) };

/** The given faults in order, then no more faults. */
export function scriptedFaults(faults: Fault[]): FaultPlan {
  const queue = [...faults];
  return { next: () => queue.shift() ?? { kind: 'none' } };
}

/** The same fault for every upload. */
export function alwaysFault(fault: Fault): FaultPlan {
  return { next: () => fault };
}

/** A small seeded generator (mulberry32), so a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every kind of failure: the first requests fail once in each way (in a seeded order),
 * so even a short run meets them all; after that `failureRate` of the requests fail,
 * the way dealt from a reshuffled deck so no kind is starved.
 */
export function randomFaults(seed: number, failureRate: number): FaultPlan & { seed: number } {
  const random = seededRandom(seed);
  const kinds: Fault[] = [
    { kind: 'status', status: 500 },
    { kind: 'status', status: 500, store: true },
    { kind: 'status', status: 503, retryAfterSec: 1 },
    { kind: 'status', status: 429, retryAfterSec: 2 },
    { kind: 'hang' },
    { kind: 'hang', store: true },
    { kind: 'reset-mid-body' },
    { kind: 'reset-after-store' },
    { kind: 'partial', acceptRatio: 0.5 },
  ];
  let deck: Fault[] = [];
  let dealt = 0;
  const deal = (): Fault => {
    if (deck.length === 0) {
      deck = [...kinds];
      for (let i = deck.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [deck[i], deck[j]] = [deck[j]!, deck[i]!];
      }
    }
    dealt += 1;
    return deck.pop()!;
  };
  return {
    seed,
    next: () => (dealt < kinds.length || random() < failureRate ? deal() : { kind: 'none' }),
  };
}
