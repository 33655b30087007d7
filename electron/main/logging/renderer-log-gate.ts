// Lines from the renderer reach main's log file through the host API, at a bounded rate:
// a renderer stuck in an error loop cannot fill the disk or drown main's own lines. A
// token bucket per renderer; what it turns away is counted and said once it lets lines
// through again. Pure: the caller passes the time.

export interface LogGatePolicy {
  /** Lines allowed in a burst. */
  burst: number;
  /** Lines per second allowed over time. */
  perSecond: number;
}

export const RENDERER_LOG_POLICY: LogGatePolicy = { burst: 30, perSecond: 2 };

export type GateAnswer = { pass: false } | { pass: true; dropped: number };

export class LogGate {
  private tokens: number;
  private last: number | null = null;
  private dropped = 0;

  constructor(private readonly policy: LogGatePolicy = RENDERER_LOG_POLICY) {
    this.tokens = policy.burst;
  }

  /** Whether a line arriving at `now` (ms) is written; when it is, how many were turned away before it. */
  admit(now: number): GateAnswer {
    if (this.last !== null) this.tokens = Math.min(this.policy.burst, this.tokens + ((now - this.last) / 1000) * this.policy.perSecond);
    this.last = now;
    if (this.tokens < 1) {
      this.dropped += 1;
      return { pass: false };
    }
    this.tokens -= 1;
    const dropped = this.dropped;
    this.dropped = 0;
    return { pass: true, dropped };
  }
}
