// The phases of the game screen, pure: loading → intro → countdown (3, 2, 1, go) →
// playing → finishing → result, or error when the game cannot load. It drives one round
// (one attempt at the game) at a time through a small port, keeps time through an
// injected scheduler, ignores whatever a round it has left reports later, and cancels
// every timer when the shopper leaves. No Vue, no DOM, no pixi: use-game-play.ts wires
// it to the real game, its PlaySession and the page.
import type { GameResult } from '../../../games/contract.ts';

export type PlayState<Outcome> =
  | { phase: 'loading' }
  | { phase: 'intro' }
  /** `count` is the number on screen: 3, 2, 1, then 0 for "go". */
  | { phase: 'countdown'; count: number }
  | { phase: 'playing' }
  /** The game is over; the prize is being decided and recorded. */
  | { phase: 'finishing'; score: number }
  | { phase: 'result'; score: number; outcome: Outcome }
  /** `problem` says why the game could not load; null when there was no game to load. */
  | { phase: 'error'; problem: string | null };

/** Timers, injected: setTimeout in the app, a clock moved by hand in tests. */
export interface Scheduler {
  /** Calls `fn` once, `ms` from now; the function returned cancels it. */
  after(ms: number, fn: () => void): () => void;
}

/** One attempt at the game, as the flow drives it. */
export interface PlayRound<Outcome> {
  /** Resolves once the game is on screen and can start; rejects when it cannot load. */
  readonly ready: Promise<void>;
  /** Resolves when the game ends, with completed: false when it was destroyed first. */
  readonly result: Promise<GameResult>;
  /** The countdown is over: the game runs from now on, and its start is recorded. */
  start(): void;
  pause(): void;
  resume(): void;
  /** The game was played to its end: the prize decided, recorded and, when won, the coupon signed and stored. */
  finish(result: GameResult): Promise<Outcome>;
  /** A started game was left before its end: recorded as not completed. */
  abandon(partial: GameResult): void;
  /** Frees the game and its input; safe at any point. */
  destroy(): void;
}

export interface PlayFlowDeps<Outcome> {
  scheduler: Scheduler;
  /** Every state entered, each countdown number too. */
  onChange(state: PlayState<Outcome>): void;
  /** A countdown number (3, 2 or 1) appeared: its tick sound. */
  onTick(): void;
}

export interface PlayFlow<Outcome> {
  readonly state: PlayState<Outcome>;
  /**
   * Ends the current round, if any, then makes the next one (so the old game is gone
   * before the new one is built) and shows it loading. `makeRound` returns null when
   * there is no game to load.
   */
  load(makeRound: () => PlayRound<Outcome> | null): void;
  /** The start button: counts down, then starts the game. Only from the intro. */
  start(): void;
  /** The page was hidden or shown again. */
  pause(): void;
  resume(): void;
  /** The shopper left: every timer cancelled, the round ended, later reports ignored. */
  leave(): void;
}

export const COUNTDOWN_FROM = 3;
export const COUNT_STEP_MS = 1000;
/** How long "go" shows before the game starts. */
export const GO_MS = 500;

const problemOf = (err: unknown): string => String((err as Error | null)?.message ?? err);

export function createPlayFlow<Outcome>(deps: PlayFlowDeps<Outcome>): PlayFlow<Outcome> {
  let state: PlayState<Outcome> = { phase: 'loading' };
  let round: PlayRound<Outcome> | null = null;
  let started = false;
  let cancelTimer: (() => void) | null = null;

  function enter(next: PlayState<Outcome>): void {
    state = next;
    deps.onChange(next);
  }

  function later(ms: number, fn: () => void): void {
    cancelTimer = deps.scheduler.after(ms, () => {
      cancelTimer = null;
      fn();
    });
  }

  function end(): void {
    cancelTimer?.();
    cancelTimer = null;
    const left = round;
    const wasStarted = started;
    round = null;
    started = false;
    if (!left) return;
    left.destroy();
    if (wasStarted) void left.result.then((partial) => (partial.completed ? undefined : left.abandon(partial)));
  }

  function show(count: number, current: PlayRound<Outcome>): void {
    enter({ phase: 'countdown', count });
    if (count > 0) {
      deps.onTick();
      later(COUNT_STEP_MS, () => show(count - 1, current));
    } else {
      later(GO_MS, () => play(current));
    }
  }

  function play(current: PlayRound<Outcome>): void {
    started = true;
    current.start();
    enter({ phase: 'playing' });
    void current.result.then((result) => {
      if (!result.completed || current !== round) return;
      enter({ phase: 'finishing', score: result.score });
      void current.finish(result).then((outcome) => {
        if (current === round) enter({ phase: 'result', score: result.score, outcome });
      });
    });
  }

  return {
    get state() {
      return state;
    },

    load(makeRound) {
      end();
      const next = makeRound();
      if (!next) {
        enter({ phase: 'error', problem: null });
        return;
      }
      round = next;
      enter({ phase: 'loading' });
      void next.ready.then(
        () => {
          if (next === round) enter({ phase: 'intro' });
        },
        (err: unknown) => {
          if (next === round) enter({ phase: 'error', problem: problemOf(err) });
        },
      );
    },

    start() {
      if (state.phase !== 'intro' || !round) return;
      show(COUNTDOWN_FROM, round);
    },

    pause() {
      round?.pause();
    },

    resume() {
      round?.resume();
    },

    leave: end,
  };
}
