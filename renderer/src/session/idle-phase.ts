// Where a shopper session stands, from the time of the last activity: in use, in the
// "still there?" countdown, or over.

export type IdlePhase = { phase: 'active' } | { phase: 'warning'; remainingSec: number } | { phase: 'expired' };

export function idlePhase(lastActivityAt: number, now: number, timeoutMs: number, warningMs: number): IdlePhase {
  const idleFor = Math.max(0, now - lastActivityAt);
  if (idleFor >= timeoutMs) return { phase: 'expired' };
  if (idleFor >= timeoutMs - warningMs) return { phase: 'warning', remainingSec: Math.ceil((timeoutMs - idleFor) / 1000) };
  return { phase: 'active' };
}
