// Keeps the screen from blanking while the kiosk runs: Electron's powerSaveBlocker with
// 'prevent-display-sleep', started once and started again should it ever be found stopped.
// The decision and the bookkeeping are here; main hands in Electron's powerSaveBlocker.

export interface PowerSaveBlockerLike {
  start(type: 'prevent-display-sleep'): number;
  stop(id: number): void;
  isStarted(id: number): boolean;
}

/**
 * Whether to hold the display awake: as kiosk.json says (display.preventSleep, on by
 * default) — except for a development window (KIOSK_WINDOW), which must not keep a
 * developer's own screen on.
 */
export function shouldKeepDisplayAwake(o: { preventSleep: boolean; windowed: boolean }): boolean {
  return o.preventSleep && !o.windowed;
}

export class DisplayAwake {
  private id: number | null = null;

  constructor(
    private readonly blocker: PowerSaveBlockerLike,
    private readonly log: (line: string) => void,
  ) {}

  get holding(): boolean {
    return this.id !== null && this.blocker.isStarted(this.id);
  }

  /** Starts holding the display awake, or starts again if the blocker was found stopped. */
  hold(): void {
    if (this.holding) return;
    const again = this.id !== null;
    this.id = this.blocker.start('prevent-display-sleep');
    this.log(again ? 'display sleep blocker was found stopped: started again' : 'display sleep is blocked while the kiosk runs');
  }

  release(): void {
    if (this.id !== null && this.blocker.isStarted(this.id)) this.blocker.stop(this.id);
    this.id = null;
  }
}
