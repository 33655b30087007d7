import { describe, expect, it } from 'vitest';
import type { GameResult } from '../../../games/contract.ts';
import { createPlayFlow, type PlayRound, type PlayState, type Scheduler } from './play-flow.ts';

type Outcome = { kind: 'coupon'; couponId: string } | { kind: 'no-prize' };

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** Timers on a clock moved by hand: `advance(ms)` runs those that fall due, in order. */
function manualScheduler() {
  let now = 0;
  const timers = new Set<{ at: number; fn: () => void }>();
  const scheduler: Scheduler & { advance(ms: number): void; readonly pending: number } = {
    after(ms, fn) {
      const timer = { at: now + ms, fn };
      timers.add(timer);
      return () => timers.delete(timer);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...timers].filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers.delete(due);
        now = due.at;
        due.fn();
      }
      now = until;
    },
    get pending() {
      return timers.size;
    },
  };
  return scheduler;
}

const describeState = (s: PlayState<Outcome>): string => {
  switch (s.phase) {
    case 'countdown':
      return `countdown ${s.count}`;
    case 'finishing':
      return `finishing ${s.score}`;
    case 'result':
      return `result ${s.outcome.kind === 'coupon' ? `coupon ${s.outcome.couponId}` : 'no prize'} (score ${s.score})`;
    case 'error':
      return `error ${s.problem ?? '(no game)'}`;
    default:
      return s.phase;
  }
};

/**
 * The flow with what a shopper would see and hear, and what happened to each game, in
 * one log: `news()` returns what was logged since it was last asked.
 */
function harness() {
  const clock = manualScheduler();
  const log: string[] = [];
  let read = 0;
  const flow = createPlayFlow<Outcome>({ scheduler: clock, onChange: (s) => log.push(describeState(s)), onTick: () => log.push('tick') });

  /** A game the test plays by hand: it loads, ends or is decided when told. */
  function game(name: string) {
    const ready = deferred<void>();
    const result = deferred<GameResult>();
    const prize = deferred<Outcome>();
    let score = 0;
    let over = false;
    const end = (r: GameResult) => {
      if (over) return;
      over = true;
      result.resolve(r);
    };
    const round: PlayRound<Outcome> = {
      ready: ready.promise,
      result: result.promise,
      start: () => log.push(`${name} started`),
      pause: () => log.push(`${name} paused`),
      resume: () => log.push(`${name} resumed`),
      finish: (r) => {
        log.push(`${name} prize asked for score ${r.score}`);
        return prize.promise;
      },
      abandon: (partial) => log.push(`${name} recorded as left at score ${partial.score}`),
      destroy: () => {
        log.push(`${name} destroyed`);
        // A real game resolves its result as not completed when destroyed first.
        end({ score, durationMs: 1000, completed: false, stats: {} });
      },
    };
    return {
      round,
      loaded: () => ready.resolve(),
      failed: (err: unknown) => ready.reject(err),
      scored: (points: number) => (score = points),
      ends: (points: number) => end({ score: points, durationMs: 30_000, completed: true, stats: {} }),
      decided: (outcome: Outcome) => prize.resolve(outcome),
    };
  }

  const news = () => log.slice(read, (read = log.length));
  return {
    flow,
    clock,
    game,
    news,
    /** Lets promises settle, then returns the news. */
    settled: async () => {
      await new Promise((r) => setTimeout(r, 0));
      return news();
    },
    /** Moves the clock on, then returns the news. */
    wait: (ms: number) => {
      clock.advance(ms);
      return news();
    },
    /** The whole countdown: 3 s of numbers, then half a second of "go". */
    countDown: () => {
      clock.advance(3500);
      return news();
    },
  };
}

/** A game loaded and on its intro. */
async function onIntro(h: ReturnType<typeof harness>, name = 'game') {
  const g = h.game(name);
  h.flow.load(() => g.round);
  g.loaded();
  await h.settled();
  return g;
}

describe('the play flow of the game screen', () => {
  it('shows the intro once the game is on screen; the start button does nothing while it loads', async () => {
    const h = harness();
    const g = h.game('game');
    h.flow.load(() => g.round);
    expect(h.news()).toEqual(['loading']);
    h.flow.start();
    expect(h.wait(10_000)).toEqual([]);
    g.loaded();
    expect(await h.settled()).toEqual(['intro']);
    expect(h.flow.state).toEqual({ phase: 'intro' });
  });

  it('counts 3, 2, 1 a second apart with a tick each, shows "go" for half a second, then starts the game', async () => {
    const h = harness();
    await onIntro(h);
    h.flow.start();
    expect(h.news()).toEqual(['countdown 3', 'tick']);
    expect(h.wait(999)).toEqual([]);
    expect(h.wait(1)).toEqual(['countdown 2', 'tick']);
    expect(h.wait(1000)).toEqual(['countdown 1', 'tick']);
    expect(h.wait(1000)).toEqual(['countdown 0']);
    expect(h.wait(499)).toEqual([]);
    expect(h.wait(1)).toEqual(['game started', 'playing']);
    expect(h.clock.pending).toBe(0);
  });

  it('a tap during the countdown neither starts a second game nor restarts the count', async () => {
    const h = harness();
    await onIntro(h);
    h.flow.start();
    h.clock.advance(1000);
    h.flow.start();
    h.clock.advance(2000);
    h.flow.start();
    expect(h.news()).toEqual(['countdown 3', 'tick', 'countdown 2', 'tick', 'countdown 1', 'tick', 'countdown 0']);
    expect(h.wait(500)).toEqual(['game started', 'playing']);
    h.flow.start();
    expect(h.wait(10_000)).toEqual([]);
  });

  it('leaving mid-countdown starts nothing, cancels every timer and records no game left', async () => {
    const h = harness();
    await onIntro(h);
    h.flow.start();
    h.wait(1500);
    h.news();
    h.flow.leave();
    expect(h.news()).toEqual(['game destroyed']);
    expect(h.clock.pending).toBe(0);
    expect(h.wait(10_000)).toEqual([]);
    expect(await h.settled()).toEqual([]);
  });

  it('shows the coupon only once the prize is decided and stored, with the final score', async () => {
    const h = harness();
    const g = await onIntro(h);
    h.flow.start();
    h.countDown();
    g.ends(12);
    expect(await h.settled()).toEqual(['finishing 12', 'game prize asked for score 12']);
    // Deciding, signing and storing the "Coupon Issued" event take their time: no coupon meanwhile.
    expect(h.wait(60_000)).toEqual([]);
    expect(h.flow.state.phase).toBe('finishing');
    g.decided({ kind: 'coupon', couponId: 'K1-000001' });
    expect(await h.settled()).toEqual(['result coupon K1-000001 (score 12)']);
  });

  it('a game left mid-play is destroyed and recorded as left, with its score so far', async () => {
    const h = harness();
    const g = await onIntro(h);
    h.flow.start();
    h.countDown();
    g.scored(4);
    h.flow.leave();
    expect(await h.settled()).toEqual(['game destroyed', 'game recorded as left at score 4']);
  });

  it('a game left while its prize is being decided shows nothing more and is not recorded as left', async () => {
    const h = harness();
    const g = await onIntro(h);
    h.flow.start();
    h.countDown();
    g.ends(7);
    await h.settled();
    h.flow.leave();
    g.decided({ kind: 'no-prize' });
    expect(await h.settled()).toEqual(['game destroyed']);
    expect(h.flow.state).toEqual({ phase: 'finishing', score: 7 });
  });

  it('playing again destroys the old game before the new one is built', async () => {
    const h = harness();
    const first = await onIntro(h, 'first');
    h.flow.start();
    h.countDown();
    first.ends(3);
    first.decided({ kind: 'no-prize' });
    await h.settled();
    h.news();
    const second = h.game('second');
    let beforeBuilding: string[] = [];
    h.flow.load(() => {
      beforeBuilding = h.news();
      return second.round;
    });
    expect(beforeBuilding).toEqual(['first destroyed']);
    second.loaded();
    expect(await h.settled()).toEqual(['loading', 'intro']);
    h.flow.start();
    expect(h.countDown()).toContain('second started');
  });

  it('ignores what the previous game reports after the shopper started over', async () => {
    const h = harness();
    const first = await onIntro(h, 'first');
    h.flow.start();
    h.countDown();
    first.ends(9);
    await h.settled();
    const second = h.game('second');
    h.flow.load(() => second.round);
    h.news();
    // The first game's prize arrives while the second loads: the second's screen stays as it is.
    first.decided({ kind: 'coupon', couponId: 'K1-000002' });
    expect(await h.settled()).toEqual([]);
    expect(h.flow.state).toEqual({ phase: 'loading' });
    second.loaded();
    expect(await h.settled()).toEqual(['intro']);
  });

  it('ignores a game that finishes loading after the shopper left', async () => {
    const h = harness();
    const g = h.game('game');
    h.flow.load(() => g.round);
    h.flow.leave();
    g.loaded();
    expect(await h.settled()).toEqual(['loading', 'game destroyed']);
    h.flow.start();
    expect(h.wait(10_000)).toEqual([]);
  });

  it('shows the error when the game cannot load, and start does nothing there', async () => {
    const h = harness();
    const g = h.game('game');
    h.flow.load(() => g.round);
    g.failed(new Error('texture atlas missing'));
    expect(await h.settled()).toEqual(['loading', 'error texture atlas missing']);
    h.flow.start();
    expect(h.wait(10_000)).toEqual([]);
    h.flow.leave();
    expect(h.news()).toEqual(['game destroyed']);
  });

  it('shows the error, naming no problem, when there is no game to load', () => {
    const h = harness();
    h.flow.load(() => null);
    expect(h.news()).toEqual(['error (no game)']);
    h.flow.start();
    expect(h.wait(10_000)).toEqual([]);
  });

  it('pauses the game while the page is hidden and resumes it when shown', async () => {
    const h = harness();
    await onIntro(h);
    h.flow.start();
    h.countDown();
    h.flow.pause();
    h.flow.resume();
    expect(h.news()).toEqual(['game paused', 'game resumed']);
    h.flow.leave();
    h.flow.pause();
    expect(h.news()).toEqual(['game destroyed']);
  });
});
