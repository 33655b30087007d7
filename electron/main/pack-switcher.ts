// Decides when the renderer moves to a new content pack: only between shoppers. A pack
// offered mid-session waits until the session goes idle.
import type { ActivePack, SessionState } from '../common/kiosk-api.ts';

export interface PackOnDisk {
  dir: string;
  packId: string;
  version: string;
}

export const PACK_BASE_URL = 'pack://active/';

export class PackSwitcher {
  private current: (PackOnDisk & { activation: number }) | null = null;
  private pending: PackOnDisk | null = null;
  private session: SessionState = 'idle';
  private activations = 0;

  constructor(private readonly onSwitch: (pack: ActivePack, onDisk: PackOnDisk) => void) {}

  /** Offer a pack; it becomes active now if nobody is using the kiosk, else at the next idle moment. */
  offer(pack: PackOnDisk): void {
    this.pending = pack;
    if (this.session === 'idle') this.applyPending();
  }

  setSessionState(state: SessionState): void {
    this.session = state;
    if (state === 'idle') this.applyPending();
  }

  get sessionState(): SessionState {
    return this.session;
  }

  get hasPending(): boolean {
    return this.pending !== null;
  }

  activeDir(): string | null {
    return this.current?.dir ?? null;
  }

  active(): ActivePack | null {
    if (!this.current) return null;
    const { packId, version, activation } = this.current;
    return { packId, version, activation, baseUrl: PACK_BASE_URL };
  }

  private applyPending(): void {
    const next = this.pending;
    if (!next) return;
    this.pending = null;
    this.activations += 1;
    this.current = { ...next, activation: this.activations };
    this.onSwitch(this.active()!, next);
  }
}
