// The catch game's rules over plain data: products fall, the basket follows the
// shopper's pointer, good ones score, bad ones cost a point. No pixi here; the scene
// only draws this state. Deterministic for a given random source.
import type { Difficulty, Size } from '../contract.ts';

export interface CatchTuning {
  /** Time between two items at the start; it shrinks as the game speeds up. */
  spawnEveryMs: number;
  /** Seconds an item takes to fall the height of the world at the start. */
  fallSeconds: number;
  /** Share of bad items, when the pack has bad images. */
  badShare: number;
  /** Basket width as a share of the world width. */
  basketShare: number;
  /** How much faster everything gets per second of play. */
  speedUpPerSec: number;
}

export const CATCH_TUNING: Record<Difficulty, CatchTuning> = {
  easy: { spawnEveryMs: 800, fallSeconds: 3.4, badShare: 0.2, basketShare: 0.3, speedUpPerSec: 0.01 },
  normal: { spawnEveryMs: 650, fallSeconds: 2.7, badShare: 0.3, basketShare: 0.25, speedUpPerSec: 0.015 },
  hard: { spawnEveryMs: 500, fallSeconds: 2.1, badShare: 0.38, basketShare: 0.2, speedUpPerSec: 0.02 },
};

/** Item radius in world units (the world is 1080 wide in portrait). */
export const ITEM_RADIUS = 70;
/** How far above the bottom of the world the basket's rim sits. */
export const BASKET_RIM_FROM_BOTTOM = 260;
/** World widths per second the basket can move: fast, but it glides over a jittery hand cursor. */
export const BASKET_SPEED = 2.5;

export interface FallingItem {
  id: number;
  good: boolean;
  /** Which of the good (or bad) images it shows. */
  image: number;
  x: number;
  y: number;
}

export interface CatchState {
  world: Size;
  tuning: CatchTuning;
  goodImages: number;
  badImages: number;
  elapsedMs: number;
  untilSpawnMs: number;
  nextId: number;
  items: FallingItem[];
  basket: { x: number; targetX: number; y: number; width: number };
  score: number;
  caught: number;
  missed: number;
  hits: number;
}

export type CatchEvent = { type: 'caught' | 'hit' | 'missed'; item: FallingItem };

export function createCatch(world: Size, options: { difficulty: Difficulty; goodImages: number; badImages: number }): CatchState {
  const tuning = CATCH_TUNING[options.difficulty];
  return {
    world: { ...world },
    tuning,
    goodImages: Math.max(1, options.goodImages),
    badImages: options.badImages,
    elapsedMs: 0,
    untilSpawnMs: 0,
    nextId: 1,
    items: [],
    basket: { x: world.width / 2, targetX: world.width / 2, y: world.height - BASKET_RIM_FROM_BOTTOM, width: world.width * tuning.basketShare },
    score: 0,
    caught: 0,
    missed: 0,
    hits: 0,
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The shopper points at x (world units): the basket heads there. */
export function aimBasket(state: CatchState, x: number): void {
  const half = state.basket.width / 2;
  state.basket.targetX = clamp(x, half, state.world.width - half);
}

/** The screen turned or resized mid-game: keep everything at the same relative place. */
export function resizeCatch(state: CatchState, world: Size): void {
  const sx = world.width / state.world.width;
  const sy = world.height / state.world.height;
  for (const item of state.items) {
    item.x *= sx;
    item.y *= sy;
  }
  state.world = { ...world };
  state.basket.width = world.width * state.tuning.basketShare;
  state.basket.y = world.height - BASKET_RIM_FROM_BOTTOM;
  state.basket.x = clamp(state.basket.x * sx, state.basket.width / 2, world.width - state.basket.width / 2);
  aimBasket(state, state.basket.targetX * sx);
}

/** Advances the game by `dtMs` of play and says what happened. */
export function stepCatch(state: CatchState, dtMs: number, random: () => number): CatchEvent[] {
  const events: CatchEvent[] = [];
  const { world, tuning, basket } = state;
  state.elapsedMs += dtMs;
  const pace = 1 + tuning.speedUpPerSec * (state.elapsedMs / 1000);

  const maxMove = BASKET_SPEED * world.width * (dtMs / 1000);
  basket.x += clamp(basket.targetX - basket.x, -maxMove, maxMove);

  state.untilSpawnMs -= dtMs;
  while (state.untilSpawnMs <= 0) {
    const good = state.badImages === 0 || random() >= tuning.badShare;
    const images = good ? state.goodImages : state.badImages;
    state.items.push({
      id: state.nextId++,
      good,
      image: Math.min(images - 1, Math.floor(random() * images)),
      x: ITEM_RADIUS + random() * (world.width - 2 * ITEM_RADIUS),
      y: -ITEM_RADIUS,
    });
    state.untilSpawnMs += tuning.spawnEveryMs / pace;
  }

  const fall = (world.height / tuning.fallSeconds) * pace * (dtMs / 1000);
  let kept = 0;
  for (const item of state.items) {
    const before = item.y;
    item.y += fall;
    if (before < basket.y && item.y >= basket.y && Math.abs(item.x - basket.x) <= basket.width / 2 + ITEM_RADIUS / 2) {
      if (item.good) {
        state.score += 1;
        state.caught += 1;
        events.push({ type: 'caught', item });
      } else {
        state.score = Math.max(0, state.score - 1);
        state.hits += 1;
        events.push({ type: 'hit', item });
      }
      continue;
    }
    if (item.y - ITEM_RADIUS > world.height) {
      if (item.good) {
        state.missed += 1;
        events.push({ type: 'missed', item });
      }
      continue;
    }
    state.items[kept++] = item;
  }
  state.items.length = kept;
  return events;
}
