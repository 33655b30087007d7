// What each recognised gesture does. Hand frames go in, with the page as it is when
// each arrives (its size, the session, the screen, one hit test for the dwell) and the
// clock; out comes the step to take: the pointer events to send, a session to wake, a
// swipe to hand to the screen, what to report, when the shopper counts as active, where
// the cursor is and what the overlay shows. Pure: no Vue, no DOM, no worker, no timers —
// use-gesture-control.ts takes the steps — so every decision is tested on recorded hands.
import type { EventCatalogue } from '../../../content/schema/events/tracking-plan.ts';
import type { ScreenName } from '../navigation/screen-store.ts';
import type { AppEventMap } from '../test-hook/app-event-catalogue.ts';
import { GestureRecogniser, type GestureEvent, type GestureOutput, type GestureSettings, type ScreenPoint, type SwipeDirection } from './gesture-recogniser.ts';
import type { HandFrame } from './landmarks.ts';

type GestureName = EventCatalogue['Gesture Used']['gesture'];

/**
 * What the overlay draws. The cursor's position is not in it: a hand moves the cursor
 * on nearly every analysed frame, so the position is written straight to the cursor's
 * element instead of re-rendering the overlay each time.
 */
export interface GestureView {
  /** A hand drives the cursor: the cursor is on screen. */
  present: boolean;
  pressed: boolean;
  /** Dwell ring, 0–1. */
  dwell: number;
}

export const NO_HAND: Readonly<GestureView> = Object.freeze({ present: false, pressed: false, dwell: 0 });

/** A point on the page, in CSS pixels. */
export interface PagePoint {
  x: number;
  y: number;
}

/** The page as it is when a frame arrives: all the controller knows of it. */
export interface PageState {
  /** The viewport, CSS pixels. */
  width: number;
  height: number;
  sessionActive: boolean;
  screen: ScreenName;
  /** Whether a dwell may press what is at (x, y), CSS pixels. Asked at most once a frame. */
  canDwellAt(x: number, y: number): boolean;
}

export type GestureEffect =
  | ({ type: 'pointer-move' } & PagePoint)
  | ({ type: 'pointer-down' } & PagePoint)
  /** `cancelled`: the hand went mid-pinch — a pointercancel, and no click. */
  | ({ type: 'pointer-up'; cancelled: boolean } & PagePoint)
  /** A press and release on the spot (a dwell). */
  | ({ type: 'click' } & PagePoint)
  /** The cursor went away: leave whatever it was over. */
  | { type: 'pointer-leave' }
  /** Start a shopper session: a gesture woke the kiosk (a session already running stays). */
  | { type: 'wake' }
  /** Hand the swipe to the screen; `backIfUnused`: go back a screen when none acts on it. */
  | { type: 'swipe'; direction: SwipeDirection; backIfUnused: boolean }
  /** The shopper selected something by gesture: the hint has done its job. */
  | { type: 'selected' }
  /** The app event 'gesture' and the engagement event "Gesture Used". */
  | { type: 'gesture-used'; gesture: GestureName }
  /** The app event 'hand-presence': how many hands and landmarks, never the landmarks themselves. */
  | { type: 'hand-presence'; detail: AppEventMap['hand-presence'] }
  /** The shopper is still there: the idle timeout starts again. */
  | { type: 'activity' };

export interface GestureStep {
  /** In order: pointer events and what the gestures do first, then activity. */
  effects: GestureEffect[];
  /** Where the cursor is, or null when no hand drives it. */
  cursor: PagePoint | null;
  /** What the overlay shows: the same object until something in it changes. */
  view: Readonly<GestureView>;
}

/** A hand in view marks activity at most this often. */
export const ACTIVITY_EVERY_MS = 1000;

/** Screens a swipe to the right does not go back from (there is nothing before them). */
const NO_BACK: readonly ScreenName[] = ['attract', 'home'];

const onPage = (p: ScreenPoint, page: PageState): PagePoint => ({ x: p.x * page.width, y: p.y * page.height });

export class GestureController {
  private readonly recogniser: GestureRecogniser;
  /** The cursor last sent to the page (screen fraction). */
  private cursor: ScreenPoint | null = null;
  private view: Readonly<GestureView> = NO_HAND;
  private lastActivityAt = -Infinity;

  constructor(settings: GestureSettings) {
    this.recogniser = new GestureRecogniser(settings);
  }

  /** One analysed frame; `now` is the page's clock (performance.now()) when it arrived. */
  frame(frame: HandFrame, page: PageState, now: number): GestureStep {
    const out = this.recogniser.update(frame, {
      aspect: page.width / page.height,
      canDwellAt: (p) => {
        const at = onPage(p, page);
        return page.canDwellAt(at.x, at.y);
      },
    });
    const step = this.step(out, frame, page);
    if (step.cursor && now - this.lastActivityAt >= ACTIVITY_EVERY_MS) {
      this.lastActivityAt = now;
      step.effects.push({ type: 'activity' });
    }
    return step;
  }

  /** The camera closed: a press is cancelled, the hand and its cursor are gone. */
  cameraClosed(page: PageState): GestureStep {
    return this.step({ cursor: null, pressed: false, dwell: 0, events: this.recogniser.reset() }, null, page);
  }

  private step(out: GestureOutput, frame: HandFrame | null, page: PageState): GestureStep {
    const effects: GestureEffect[] = [];
    const before = this.cursor ? onPage(this.cursor, page) : null;
    const cursor = out.cursor ? onPage(out.cursor, page) : null;
    this.cursor = out.cursor;
    // Whole pixels: a hand held still sends no stream of sub-pixel moves.
    if (cursor && (!before || Math.abs(before.x - cursor.x) >= 1 || Math.abs(before.y - cursor.y) >= 1)) effects.push({ type: 'pointer-move', ...cursor });
    else if (!cursor && before) effects.push({ type: 'pointer-leave' });
    for (const event of out.events) this.decide(event, frame, page, effects);
    const present = cursor !== null;
    const shown = this.view;
    if (shown.present !== present || shown.pressed !== out.pressed || shown.dwell !== out.dwell) this.view = { present, pressed: out.pressed, dwell: out.dwell };
    return { effects, cursor, view: this.view };
  }

  private decide(event: GestureEvent, frame: HandFrame | null, page: PageState, effects: GestureEffect[]): void {
    const wake = () => {
      if (!page.sessionActive) effects.push({ type: 'wake' });
    };
    switch (event.type) {
      case 'presence':
        effects.push({ type: 'hand-presence', detail: { present: event.present, hands: frame?.hands.length ?? 0, landmarks: frame?.hands.map((h) => h.landmarks.length) ?? [] } });
        // A hand that just came counts as activity at once.
        if (event.present) this.lastActivityAt = -Infinity;
        break;
      case 'press':
        wake();
        effects.push({ type: 'pointer-down', ...onPage(event, page) });
        break;
      case 'release':
        effects.push({ type: 'pointer-up', cancelled: event.cancelled, ...onPage(event, page) });
        if (!event.cancelled) effects.push({ type: 'selected' }, { type: 'gesture-used', gesture: 'pinch' });
        break;
      case 'dwell-click':
        wake();
        effects.push({ type: 'click', ...onPage(event, page) }, { type: 'selected' }, { type: 'gesture-used', gesture: 'dwell' });
        break;
      case 'swipe':
        // Screens that do not page treat a swipe to the right as "back".
        effects.push(
          { type: 'swipe', direction: event.direction, backIfUnused: event.direction === 'right' && !NO_BACK.includes(page.screen) },
          { type: 'gesture-used', gesture: event.direction === 'left' ? 'swipe-left' : 'swipe-right' },
        );
        break;
      case 'wave':
        wake();
        effects.push({ type: 'gesture-used', gesture: 'wave' });
        break;
    }
  }
}
