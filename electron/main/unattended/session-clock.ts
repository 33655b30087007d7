// The shopper session as main last heard it from the renderer, and since when: what the
// update install and the nightly restart wait on (an empty screen for a while).
import type { SessionState } from '../../common/kiosk-api.ts';

export class SessionClock {
  private current: SessionState = 'idle';
  private changedAt: number;

  constructor(now: number) {
    this.changedAt = now;
  }

  set(state: SessionState, now: number): void {
    if (state === this.current) return;
    this.current = state;
    this.changedAt = now;
  }

  get state(): SessionState {
    return this.current;
  }

  /** When the session last changed (the app's start, before any). */
  get since(): number {
    return this.changedAt;
  }
}
