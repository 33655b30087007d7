import { describe, expect, it } from 'vitest';
import { aimBasket, createCatch, ITEM_RADIUS, resizeCatch, stepCatch, type CatchState } from './catch-rules.ts';

const world = { width: 1080, height: 1920 };
/** A seeded stand-in for the kiosk's random source. */
const seeded = (seed: number) => () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
/** Plays `ms` in 16 ms frames, following `aim` (x for the basket each frame). */
function play(state: CatchState, ms: number, random: () => number, aim?: (s: CatchState) => number) {
  const events = [];
  for (let t = 0; t < ms; t += 16) {
    if (aim) aimBasket(state, aim(state));
    events.push(...stepCatch(state, 16, random));
  }
  return events;
}
/** Aims at the lowest good item still above the basket. */
const chaseGood = (s: CatchState) => s.items.filter((i) => i.good && i.y < s.basket.y).sort((a, b) => b.y - a.y)[0]?.x ?? s.basket.x;

describe('catch rules', () => {
  it('scores a good item that lands in the basket', () => {
    const state = createCatch(world, { difficulty: 'normal', goodImages: 2, badImages: 0 });
    state.untilSpawnMs = 1e9; // no spawning: one hand-placed item
    state.items.push({ id: 99, good: true, image: 0, x: state.basket.x + 20, y: state.basket.y - 30 });
    const events = play(state, 200, seeded(1));
    expect(events.map((e) => e.type)).toEqual(['caught']);
    expect(state.score).toBe(1);
    expect(state.items).toHaveLength(0);
  });

  it('takes a point for a bad item, never going below zero', () => {
    const state = createCatch(world, { difficulty: 'normal', goodImages: 1, badImages: 1 });
    state.untilSpawnMs = 1e9;
    state.items.push({ id: 1, good: false, image: 0, x: state.basket.x, y: state.basket.y - 10 });
    play(state, 100, seeded(1));
    expect(state.score).toBe(0);
    expect(state.hits).toBe(1);
  });

  it('lets an item that misses the basket fall off the screen as missed', () => {
    const state = createCatch(world, { difficulty: 'normal', goodImages: 1, badImages: 0 });
    state.untilSpawnMs = 1e9;
    state.items.push({ id: 1, good: true, image: 0, x: ITEM_RADIUS, y: state.basket.y - 10 });
    const events = play(state, 2000, seeded(1));
    expect(events.map((e) => e.type)).toEqual(['missed']);
    expect(state.score).toBe(0);
  });

  it('rewards a shopper who chases the good items over one who stands still', () => {
    const chaser = createCatch(world, { difficulty: 'normal', goodImages: 3, badImages: 2 });
    const idle = createCatch(world, { difficulty: 'normal', goodImages: 3, badImages: 2 });
    play(chaser, 30_000, seeded(7), chaseGood);
    play(idle, 30_000, seeded(7));
    expect(chaser.score).toBeGreaterThan(idle.score);
    expect(chaser.caught).toBeGreaterThan(20);
  });

  it('drops no bad items when the pack has none, and more items on hard than on easy', () => {
    const easy = createCatch(world, { difficulty: 'easy', goodImages: 1, badImages: 0 });
    const hard = createCatch(world, { difficulty: 'hard', goodImages: 1, badImages: 0 });
    play(easy, 30_000, seeded(3));
    play(hard, 30_000, seeded(3));
    expect(easy.hits).toBe(0);
    expect(easy.nextId).toBeGreaterThan(30);
    expect(hard.nextId).toBeGreaterThan(easy.nextId);
  });

  it('moves the basket at a bounded speed, inside the world', () => {
    const state = createCatch(world, { difficulty: 'normal', goodImages: 1, badImages: 0 });
    aimBasket(state, -500);
    expect(state.basket.targetX).toBe(state.basket.width / 2);
    stepCatch(state, 16, seeded(1));
    expect(world.width / 2 - state.basket.x).toBeCloseTo(2.5 * 1080 * 0.016);
  });

  it('plays the same game again from the same seed', () => {
    const a = createCatch(world, { difficulty: 'hard', goodImages: 3, badImages: 3 });
    const b = createCatch(world, { difficulty: 'hard', goodImages: 3, badImages: 3 });
    play(a, 10_000, seeded(42), chaseGood);
    play(b, 10_000, seeded(42), chaseGood);
    expect(b).toEqual(a);
  });

  it('keeps items in place relative to the screen when it turns', () => {
    const state = createCatch(world, { difficulty: 'normal', goodImages: 1, badImages: 0 });
    state.untilSpawnMs = 1e9;
    state.items.push({ id: 1, good: true, image: 0, x: 540, y: 960 });
    resizeCatch(state, { width: 1920, height: 1080 });
    expect(state.items[0]).toMatchObject({ x: 960, y: 540 });
    expect(state.basket.y).toBe(1080 - 260);
    expect(state.basket.x).toBe(960);
  });
});
