// The life of one game session, shared by every game: load → ready → start → play
// (pausable) → finish, and destroy at any point. A game supplies a Scene; the runner
// owns the stage, the ticker and the result, so no game can forget to release them.
import type { GameContext, GameResult, GameTheme, MiniGame } from '../contract.ts';
import type { Stage } from './stage.ts';

export interface Scene {
  /** Builds display objects and loads textures; the game is ready when this resolves. */
  build(): Promise<void>;
  /** The shopper pressed start (after the kiosk's countdown). */
  begin(): void;
  /** One frame of play: ms since the last frame (never called while paused or over). */
  update(frameMs: number): void;
  /** Releases what the stage does not own: input subscriptions, textures, timers. */
  dispose(): void;
}

export type Outcome = Omit<GameResult, 'completed' | 'durationMs'>;

export interface SceneKit<S = Stage> {
  stage: S;
  /** Ends the game with its outcome; the last frame stays on screen. */
  finish(outcome: Outcome): void;
  /** True once finish() or destroy() ran. */
  readonly over: boolean;
}

/** The part of the stage the runner itself uses (a fake in unit tests). */
export type RunnerStage = Pick<Stage, 'destroy'> & {
  app: { render(): void; ticker: { add(fn: (t: { deltaMS: number }) => void): unknown; remove(fn: (t: { deltaMS: number }) => void): unknown; start(): void; stop(): void } };
};

type State = 'loading' | 'ready' | 'running' | 'paused' | 'finished' | 'destroyed';

export function runGame<S extends RunnerStage>(
  ctx: Pick<GameContext, 'view' | 'settings'>,
  createStage: (view: HTMLElement, theme: GameTheme) => Promise<S>,
  createScene: (kit: SceneKit<S>) => Scene,
): MiniGame {
  let state: State = 'loading';
  let startWhenReady = false;
  let playedMs = 0;
  let stage: S | null = null;
  let scene: Scene | null = null;
  let settle!: (result: GameResult) => void;
  const result = new Promise<GameResult>((resolve) => (settle = resolve));

  const tick = (ticker: { deltaMS: number }) => {
    if (state !== 'running' || !scene) return;
    playedMs += ticker.deltaMS;
    scene.update(ticker.deltaMS);
  };

  function finish(outcome: Outcome): void {
    if (state === 'finished' || state === 'destroyed') return;
    state = 'finished';
    settle({ ...outcome, completed: true, durationMs: Math.round(playedMs) });
    // Rendering stops after this frame: a finished game costs nothing while its result shows.
    stage?.app.ticker.stop();
  }

  function begin(): void {
    state = 'running';
    scene!.begin();
    stage?.app.ticker.start();
  }

  const ready = (async () => {
    const made = await createStage(ctx.view, ctx.settings.theme);
    if ((state as State) === 'destroyed') {
      made.destroy();
      return;
    }
    stage = made;
    const kit: SceneKit<S> = {
      stage: made,
      finish,
      get over() {
        return state === 'finished' || state === 'destroyed';
      },
    };
    scene = createScene(kit);
    made.app.ticker.add(tick);
    await scene.build();
    if ((state as State) !== 'loading') return;
    state = 'ready';
    if (startWhenReady) return begin();
    // Waiting behind the intro: one frame on screen, no rendering until start.
    made.app.ticker.stop();
    made.app.render();
  })();
  ready.catch(() => undefined);

  const game: MiniGame = {
    ready,
    result,
    start() {
      if (state === 'loading') startWhenReady = true;
      else if (state === 'ready') begin();
    },
    pause() {
      if (state !== 'running') return;
      state = 'paused';
      stage?.app.ticker.stop();
    },
    resume() {
      if (state !== 'paused') return;
      state = 'running';
      stage?.app.ticker.start();
    },
    destroy() {
      if (state === 'destroyed') return;
      const wasFinished = state === 'finished';
      state = 'destroyed';
      stage?.app.ticker.remove(tick);
      scene?.dispose();
      stage?.destroy();
      scene = null;
      stage = null;
      if (!wasFinished) settle({ score: 0, stats: {}, completed: false, durationMs: Math.round(playedMs) });
    },
  };
  return game;
}
