import { describe, expect, it } from 'vitest';
import { runGame, type RunnerStage, type Scene } from './game-runner.ts';

function fakeStage() {
  const listeners = new Set<(t: { deltaMS: number }) => void>();
  let running = true;
  const stage = {
    destroyed: 0,
    rendered: 0,
    app: {
      render: () => void stage.rendered++,
      ticker: {
        add: (fn: (t: { deltaMS: number }) => void) => listeners.add(fn),
        remove: (fn: (t: { deltaMS: number }) => void) => listeners.delete(fn),
        start: () => void (running = true),
        stop: () => void (running = false),
      },
    },
    destroy() {
      stage.destroyed++;
    },
    /** One animation frame of `ms`, when the ticker runs. */
    frame(ms: number) {
      if (running) for (const fn of [...listeners]) fn({ deltaMS: ms });
    },
    get listeners() {
      return listeners.size;
    },
    get running() {
      return running;
    },
  };
  return stage satisfies RunnerStage;
}

const ctx = { view: {} as HTMLElement, settings: { durationMs: 1000, difficulty: 'normal' as const, theme: { primary: 0, accent: 0, background: 0 } } };

/** A scene that finishes after `endAfterMs` of play and records what happened to it. */
function countingScene(endAfterMs: number) {
  const log: string[] = [];
  let played = 0;
  const make = (kit: { finish: (o: { score: number; stats: Record<string, number> }) => void }): Scene => ({
    build: async () => void log.push('build'),
    begin: () => void log.push('begin'),
    update(ms) {
      played += ms;
      if (played >= endAfterMs) kit.finish({ score: 7, stats: { played } });
    },
    dispose: () => void log.push('dispose'),
  });
  return { log, make };
}

describe('game runner', () => {
  it('plays only after start, counts play time without pauses, and resolves the result', async () => {
    const stage = fakeStage();
    const { log, make } = countingScene(100);
    const game = runGame(ctx, async () => stage, make);
    await game.ready;
    expect(stage.rendered).toBe(1); // the first frame is on screen behind the intro…
    expect(stage.running).toBe(false); // …and nothing is drawn again until start
    stage.frame(50);
    game.start();
    expect(stage.running).toBe(true);
    stage.frame(40);
    game.pause();
    stage.frame(1000); // paused: the ticker is stopped
    expect(stage.running).toBe(false);
    game.resume();
    stage.frame(30);
    stage.frame(30);
    const result = await game.result;
    expect(result).toEqual({ score: 7, stats: { played: 100 }, completed: true, durationMs: 100 });
    expect(stage.running).toBe(false);
    expect(log).toEqual(['build', 'begin']);
    game.destroy();
    expect(log).toEqual(['build', 'begin', 'dispose']);
    expect(stage.listeners).toBe(0);
    expect(stage.destroyed).toBe(1);
  });

  it('starts as soon as it is ready when start came early', async () => {
    const stage = fakeStage();
    const { log, make } = countingScene(10);
    const game = runGame(ctx, async () => stage, make);
    game.start();
    await game.ready;
    expect(log).toEqual(['build', 'begin']);
  });

  it('resolves as not completed when destroyed mid-game, releasing everything once', async () => {
    const stage = fakeStage();
    const { log, make } = countingScene(10_000);
    const game = runGame(ctx, async () => stage, make);
    await game.ready;
    game.start();
    stage.frame(16);
    game.destroy();
    game.destroy();
    expect(await game.result).toMatchObject({ completed: false, durationMs: 16 });
    expect(log).toEqual(['build', 'begin', 'dispose']);
    expect(stage.destroyed).toBe(1);
    expect(stage.listeners).toBe(0);
  });

  it('destroys a stage that finished loading after the game was already left', async () => {
    const stage = fakeStage();
    let release!: () => void;
    const loading = new Promise<void>((r) => (release = r));
    const game = runGame(ctx, async () => {
      await loading;
      return stage;
    }, countingScene(10).make);
    game.destroy();
    release();
    await game.ready;
    expect(stage.destroyed).toBe(1);
    expect(await game.result).toMatchObject({ completed: false });
  });
});
