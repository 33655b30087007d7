// Turns hand landmarks, frame by frame, into what the kiosk acts on: a smoothed cursor
// (index fingertip through the interaction zone), presses and clicks (pinch, or dwell
// with a filling ring), swipes, waves and presence. Pure: no DOM, no clock — the frame
// carries its time — so it is tested on recorded landmark sequences.
//
// Nothing may fire by accident: a hand must be seen for `presenceFrames` frames in a row
// to count as present (single-frame detections in a dark window do not), and for
// `armMs` more before it may click, swipe or wave.
import { DEFAULT_DWELL, DwellTimer } from './dwell-timer.ts';
import { DEFAULT_HAND_SELECTION, HandSelector, type HandSelectionOptions } from './hand-selection.ts';
import { screenDx, zoneToScreen, type InteractionZone } from './interaction-zone.ts';
import { extendedFingers, LM, palmCentre, pinchRatio, type HandFrame } from './landmarks.ts';
import { DEFAULT_ONE_EURO, OneEuroFilter2D, type OneEuroOptions } from './one-euro-filter.ts';
import { DEFAULT_PINCH, PinchDetector, type PinchOptions } from './pinch-detector.ts';
import { DEFAULT_SWIPE, SwipeDetector, type SwipeOptions } from './swipe-detector.ts';
import { DEFAULT_WAVE, WaveDetector, type WaveOptions } from './wave-detector.ts';

export type ClickMode = 'pinch' | 'dwell' | 'both';
export type SwipeDirection = 'left' | 'right';

/** The kiosk settings the recogniser follows (KioskSettings.gestures). */
export interface GestureSettings {
  click: ClickMode;
  dwellMs: number;
  zone: InteractionZone;
  mirror: boolean;
}

export interface RecogniserTuning {
  /** Frames in a row that make a hand present… */
  presenceFrames: number;
  /** …or two frames at least this far apart (a kiosk analysing few frames a second). */
  presenceMs: number;
  armMs: number;
  /** A hand unseen this long is gone (short gaps keep the cursor where it was). */
  lostAfterMs: number;
  /** A pinch moving farther than this (screen width fraction) from where it pressed drags. */
  dragThreshold: number;
  /** How far back the click may be placed, to where the fingers started closing. */
  maxClickRewindMs: number;
  filter: OneEuroOptions;
  selection: HandSelectionOptions;
  pinch: PinchOptions;
  swipe: SwipeOptions;
  wave: WaveOptions;
  dwellRadius: number;
}

export const DEFAULT_TUNING: RecogniserTuning = {
  presenceFrames: 3,
  presenceMs: 200,
  armMs: 300,
  lostAfterMs: 400,
  dragThreshold: 0.04,
  maxClickRewindMs: 300,
  filter: DEFAULT_ONE_EURO,
  selection: DEFAULT_HAND_SELECTION,
  pinch: DEFAULT_PINCH,
  swipe: DEFAULT_SWIPE,
  wave: DEFAULT_WAVE,
  dwellRadius: DEFAULT_DWELL.radius,
};

export interface ScreenPoint {
  x: number;
  y: number;
}

export type GestureEvent =
  | { type: 'presence'; present: boolean }
  | ({ type: 'press' } & ScreenPoint)
  /** `cancelled`: the hand vanished mid-pinch; no click may follow. */
  | ({ type: 'release'; cancelled: boolean } & ScreenPoint)
  | ({ type: 'dwell-click' } & ScreenPoint)
  | { type: 'swipe'; direction: SwipeDirection }
  | { type: 'wave' };

export interface GestureOutput {
  /** Screen position (0–1), or null when no hand drives. */
  cursor: ScreenPoint | null;
  pressed: boolean;
  /** Dwell ring, 0–1. */
  dwell: number;
  events: GestureEvent[];
}

export interface ScreenProbe {
  /** Screen width / height. */
  aspect: number;
  /** Whether something under (x, y) can be pressed by dwelling. */
  canDwellAt(point: ScreenPoint): boolean;
}

const ANYWHERE: ScreenProbe = { aspect: 16 / 9, canDwellAt: () => true };

export class GestureRecogniser {
  private readonly tuning: RecogniserTuning;
  private readonly selector: HandSelector;
  private readonly filter: OneEuroFilter2D;
  private readonly pinch: PinchDetector;
  private readonly dwell: DwellTimer;
  private readonly swipe: SwipeDetector;
  private readonly wave: WaveDetector;
  private present = false;
  private seenRun = 0;
  private runStartedAt = 0;
  private armedAt = Infinity;
  private lastSeenAt = -Infinity;
  private cursor: ScreenPoint | null = null;
  private history: (ScreenPoint & { t: number })[] = [];
  private pressAt: ScreenPoint | null = null;
  /** Palm centre (image units) when the pinch pressed: while pinched, the palm moves the cursor. */
  private pressPalm: ScreenPoint | null = null;
  private dragging = false;

  constructor(
    private readonly settings: GestureSettings,
    tuning: Partial<RecogniserTuning> = {},
  ) {
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
    this.selector = new HandSelector(this.tuning.selection);
    this.filter = new OneEuroFilter2D(this.tuning.filter);
    this.pinch = new PinchDetector(this.tuning.pinch);
    this.dwell = new DwellTimer({ dwellMs: settings.dwellMs, radius: this.tuning.dwellRadius, showAfterMs: DEFAULT_DWELL.showAfterMs });
    this.swipe = new SwipeDetector(this.tuning.swipe);
    this.wave = new WaveDetector(this.tuning.wave);
  }

  get usesPinch(): boolean {
    return this.settings.click !== 'dwell';
  }

  get usesDwell(): boolean {
    return this.settings.click !== 'pinch';
  }

  update(frame: HandFrame, probe: ScreenProbe = ANYWHERE): GestureOutput {
    const events: GestureEvent[] = [];
    const { t, aspect } = frame;
    const zone = this.settings.zone;
    const picked = this.selector.select(frame.hands, aspect, { x: zone.x + zone.width / 2, y: zone.y + zone.height / 2 }, t);

    if (!picked) {
      // A missed frame or two (motion blur) changes nothing; a longer absence loses the hand.
      this.seenRun = 0;
      if (t - this.lastSeenAt > this.tuning.lostAfterMs) this.lose(events);
      return this.output(events, 0);
    }

    if (picked.isNew) this.restart(events, t);
    this.lastSeenAt = t;
    if (this.seenRun++ === 0) this.runStartedAt = t;
    const hand = picked.hand;
    const tip = hand.landmarks[LM.indexTip]!;
    const cursor = this.filter.filter(zoneToScreen(tip, zone, this.settings.mirror), t);
    this.history.push({ ...cursor, t });
    while (this.history.length > 0 && t - this.history[0]!.t > this.tuning.maxClickRewindMs + 100) this.history.shift();

    const steady = this.seenRun >= this.tuning.presenceFrames || (this.seenRun >= 2 && t - this.runStartedAt >= this.tuning.presenceMs);
    if (!this.present && steady) {
      this.present = true;
      this.armedAt = t + this.tuning.armMs;
      events.push({ type: 'presence', present: true });
    }
    const armed = this.present && t >= this.armedAt;

    const palm = palmCentre(hand);
    let dwell = 0;
    if (armed && this.usesPinch) this.cursor = this.trackPinch(pinchRatio(hand, aspect), cursor, palm, t, events);
    else this.cursor = cursor;

    if (armed && this.usesDwell && !this.pinch.pressed) {
      const state = this.dwell.update(cursor, t, probe.canDwellAt(cursor), probe.aspect);
      dwell = state.progress;
      if (state.fired) events.push({ type: 'dwell-click', ...state.fired });
    }

    if (armed && !this.pinch.pressed) {
      const sign = this.swipe.update({ x: palm.x, y: palm.y / aspect }, t);
      if (sign) {
        events.push({ type: 'swipe', direction: screenDx(sign, this.settings.mirror) > 0 ? 'right' : 'left' });
        this.dwell.reset();
        dwell = 0;
      }
    } else this.swipe.update(null, t);
    if (armed && this.wave.update(palm.x, extendedFingers(hand, aspect) >= 3, t)) events.push({ type: 'wave' });

    return this.output(events, dwell);
  }

  /**
   * Pinch press/release. While pinched the fingertip is not trusted (pinching bends it):
   * the cursor stays where the press landed until the whole hand — the palm — moves more
   * than `dragThreshold`, and then follows the palm (a drag). Returns the cursor to show.
   */
  private trackPinch(ratio: number, cursor: ScreenPoint, palm: ScreenPoint, t: number, events: GestureEvent[]): ScreenPoint {
    const change = this.pinch.update(ratio, t);
    if (change === 'press') {
      this.pressAt = this.positionAt(this.pinch.closingStartedAt ?? t, t);
      this.pressPalm = palm;
      this.dragging = false;
      this.dwell.consume();
      events.push({ type: 'press', ...this.pressAt });
      return this.pressAt;
    }
    const held = this.pressAt && this.pressPalm ? this.pinchCursor(this.pressAt, this.pressPalm, palm) : null;
    if (change === 'release') {
      events.push({ type: 'release', cancelled: false, ...(this.dragging && held ? held : (this.pressAt ?? cursor)) });
      this.pressAt = this.pressPalm = null;
      this.dragging = false;
      return cursor;
    }
    if (!held || !this.pressAt) return cursor;
    if (!this.dragging && Math.hypot(held.x - this.pressAt.x, held.y - this.pressAt.y) > this.tuning.dragThreshold) this.dragging = true;
    return this.dragging ? held : this.pressAt;
  }

  private pinchCursor(pressAt: ScreenPoint, pressPalm: ScreenPoint, palm: ScreenPoint): ScreenPoint {
    const { zone, mirror } = this.settings;
    const x = pressAt.x + screenDx((palm.x - pressPalm.x) / zone.width, mirror);
    const y = pressAt.y + (palm.y - pressPalm.y) / zone.height;
    return { x: Math.min(1, Math.max(0, x)), y: Math.min(1, Math.max(0, y)) };
  }

  /** The filtered cursor as it was at `when` (not earlier than maxClickRewindMs before `now`). */
  private positionAt(when: number, now: number): ScreenPoint {
    const target = Math.max(when, now - this.tuning.maxClickRewindMs);
    let found = this.history.at(-1)!;
    for (let i = this.history.length - 1; i >= 0; i--) {
      const h = this.history[i]!;
      found = h;
      if (h.t <= target) break;
    }
    return { x: found.x, y: found.y };
  }

  private releasePinch(events: GestureEvent[], cancelled: boolean): void {
    if (this.pinch.lost() === 'release' && this.pressAt) events.push({ type: 'release', cancelled, ...(this.cursor ?? this.pressAt) });
    this.pressAt = this.pressPalm = null;
    this.dragging = false;
  }

  /** A different hand drives from now on: start every detector afresh. */
  private restart(events: GestureEvent[], t: number): void {
    this.releasePinch(events, true);
    this.filter.reset();
    this.dwell.reset();
    this.swipe.reset();
    this.wave.reset();
    this.history = [];
    this.seenRun = 0;
    if (this.present) this.armedAt = t + this.tuning.armMs;
  }

  private lose(events: GestureEvent[]): void {
    this.releasePinch(events, true);
    this.selector.reset();
    this.filter.reset();
    this.dwell.reset();
    this.swipe.reset();
    this.wave.reset();
    this.history = [];
    this.cursor = null;
    this.armedAt = Infinity;
    if (this.present) {
      this.present = false;
      events.push({ type: 'presence', present: false });
    }
  }

  private output(events: GestureEvent[], dwell: number): GestureOutput {
    // Until the hand counts as present there is no cursor: a one-frame ghost moves nothing.
    return { cursor: this.present ? this.cursor : null, pressed: this.pinch.pressed, dwell, events };
  }

  /** Forget everything (camera restarted, session ended). */
  reset(): GestureEvent[] {
    const events: GestureEvent[] = [];
    this.lose(events);
    this.seenRun = 0;
    this.lastSeenAt = -Infinity;
    return events;
  }
}
