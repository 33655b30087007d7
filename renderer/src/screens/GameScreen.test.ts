import 'fake-indexeddb/auto';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Campaign } from '../../../content/schema/campaign.ts';
import { GameConfig } from '../../../content/schema/game-config.ts';
import type { KioskApi } from '../../../electron/common/kiosk-api.ts';
import type { GameContext, GameResult, MiniGame } from '../../../games/index.ts';
import type { EventCatalogue, EventName } from '../../../content/schema/events/tracking-plan.ts';
import { trackerKey, type Tracker } from '../events/tracker.ts';
import { createWebCoupons } from '../host/web-coupons.ts';
import { hostKey } from '../host/host-key.ts';
import { createKioskI18n } from '../i18n/index.ts';
import { useScreenStore } from '../navigation/screen-store.ts';
import type { PackData } from '../pack/pack-data.ts';
import { useShownPackStore } from '../pack/shown-pack-store.ts';
import { recentAppEvents, type AppEvent } from '../test-hook/app-events.ts';
import GameScreen from './GameScreen.vue';

interface FakeGame extends MiniGame {
  ctx: GameContext;
  started: boolean;
  destroyed: boolean;
  /** The shopper plays to the end with this score. */
  end(score: number): void;
}

/** The games without pixi: each game made is kept, to be played by hand; sounds are listed. */
const fakes = vi.hoisted(() => {
  const made: FakeGame[] = [];
  const cues: string[] = [];
  const inputs = { live: 0 };
  function create(ctx: GameContext): FakeGame {
    let settle!: (result: GameResult) => void;
    const result = new Promise<GameResult>((resolve) => (settle = resolve));
    let over = false;
    const finish = (r: GameResult) => {
      if (over) return;
      over = true;
      settle(r);
    };
    const game: FakeGame = {
      ctx,
      started: false,
      destroyed: false,
      ready: Promise.resolve(),
      result,
      start: () => void (game.started = true),
      pause: () => undefined,
      resume: () => undefined,
      destroy: () => {
        game.destroyed = true;
        finish({ score: 2, durationMs: 1500, completed: false, stats: {} });
      },
      end: (score) => finish({ score, durationMs: 8000, completed: true, stats: { caught: score } }),
    };
    made.push(game);
    return game;
  }
  return { made, cues, inputs, create };
});

vi.mock('../../../games/index.ts', () => {
  const definition = (kind: string) => ({ kind, decidesDuringPlay: false, create: fakes.create });
  return {
    MINI_GAMES: { catch: definition('catch'), wheel: definition('wheel'), scratch: definition('scratch') },
    createPointerInput: () => {
      fakes.inputs.live += 1;
      return { subscribe: () => () => undefined, dispose: () => void (fakes.inputs.live -= 1) };
    },
    createToneSound: () => ({ play: (cue: string) => void fakes.cues.push(cue), close: () => undefined }),
    stageResources: async () => null,
  };
});

const en = (text: string) => ({ 'zh-CN': text, en: text });
const campaign = Campaign.parse({
  id: 'ten-off',
  name: en('Ten off'),
  reward: { kind: 'amount-off', amount: 1000, title: en('10 yuan off') },
  validFrom: '2020-01-01T00:00:00+08:00',
  validTo: '2099-01-01T00:00:00+08:00',
  couponValidDays: 7,
  dailyCapPerKiosk: 1000,
  inventoryPerKiosk: 1000,
  awards: [{ game: 'catch-fruit', minScore: 5, odds: 1 }],
});
const catchFruit = GameConfig.parse({
  id: 'catch-fruit',
  kind: 'catch',
  title: en('Catch the fruit'),
  howTo: en('Move the basket'),
  durationSec: 8,
  theme: { colours: { primary: '#1b7f3b', accent: '#ff8a00', background: '#fffaf3' } },
  goodItems: ['media/apple.svg'],
});

type Stored = { event: EventName; properties: Record<string, unknown> };
/** The event log: `stored` once durable; `hold(event)` keeps that event's write pending until released. */
function fakeTracker() {
  const stored: Stored[] = [];
  const asked: EventName[] = [];
  const held = new Map<EventName, Promise<void>>();
  const tracker: Tracker & { stored: Stored[]; asked: EventName[]; hold(event: EventName): () => void } = {
    stored,
    asked,
    async track<E extends EventName>(event: E, properties: EventCatalogue[E]) {
      asked.push(event);
      await held.get(event);
      stored.push({ event, properties: properties as Record<string, unknown> });
    },
    hold(event) {
      let release!: () => void;
      held.set(event, new Promise<void>((r) => (release = r)));
      return release;
    },
  };
  return tracker;
}

let kiosk = 0;
function openGame() {
  const pinia = createPinia();
  setActivePinia(pinia);
  const tracker = fakeTracker();
  const coupons = createWebCoupons({ identity: async () => ({ deviceId: 'd', storeId: 's', kioskName: 'k' }), dbName: `game-screen-coupons-${++kiosk}` });
  useShownPackStore().data = { baseUrl: 'http://k/pack/', campaigns: [campaign], games: [catchFruit] } as unknown as PackData;
  useScreenStore().go('game', { id: 'catch-fruit' });
  const since = recentAppEvents().at(-1)?.seq ?? 0;
  const wrapper = mount(GameScreen, {
    attachTo: document.body,
    global: {
      plugins: [pinia, createKioskI18n('en')],
      provide: { [hostKey as symbol]: { coupons } as unknown as KioskApi, [trackerKey as symbol]: tracker },
    },
  });
  const phase = () => wrapper.get('[data-testid=game-screen]').attributes('data-phase');
  const shown = (testId: string) => wrapper.find(`[data-testid=${testId}]`);
  /** The app events of the game screen since it opened, as tests wait on them. */
  const appEvents = () => recentAppEvents().filter((e): e is AppEvent => e.seq > since && e.type.startsWith('game-')).map((e) => e.type);
  return { wrapper, tracker, phase, shown, appEvents };
}

/** Lets the timers run `ms` on, and the screen render. */
async function wait(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
  await flushPromises();
}

async function toIntro(screen: ReturnType<typeof openGame>) {
  await vi.waitFor(() => expect(screen.phase()).toBe('intro'));
}

async function playUntilStarted(screen: ReturnType<typeof openGame>): Promise<FakeGame> {
  await toIntro(screen);
  await screen.shown('game-start').trigger('click');
  await wait(3500);
  expect(screen.phase()).toBe('playing');
  return fakes.made.at(-1)!;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  fakes.made.length = 0;
  fakes.cues.length = 0;
  fakes.inputs.live = 0;
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('the game screen', () => {
  it('counts 3, 2, 1 down with a tick each, says go, then starts the game with its score and time on screen', async () => {
    const screen = openGame();
    await toIntro(screen);
    expect(screen.shown('game-howto').text()).toContain('Move the basket');
    await screen.shown('game-start').trigger('click');
    const counted = [screen.shown('game-countdown').text()];
    for (const ms of [1000, 1000, 1000]) {
      await wait(ms);
      counted.push(screen.shown('game-countdown').text());
    }
    expect(counted).toEqual(['3', '2', '1', 'Go!']);
    expect(fakes.cues).toEqual(['tick', 'tick', 'tick']);
    await wait(499);
    expect(fakes.made[0]!.started).toBe(false);
    await wait(1);
    expect(screen.phase()).toBe('playing');
    expect(fakes.made.map((g) => g.started)).toEqual([true]);
    expect(screen.appEvents()).toEqual(['game-ready', 'game-started']);
    await vi.waitFor(() => expect(screen.tracker.stored.map((s) => s.event)).toEqual(['Game Started']));

    fakes.made[0]!.ctx.onProgress({ score: 3, remainingMs: 7400 });
    await flushPromises();
    expect(screen.shown('game-hud-score').text()).toBe('Score3');
    expect(screen.shown('game-hud-time').text()).toBe('Time8 s');
    screen.wrapper.unmount();
  });

  it('shows the coupon only after the prize is decided and its "Coupon Issued" event is stored', async () => {
    const screen = openGame();
    const release = screen.tracker.hold('Coupon Issued');
    const game = await playUntilStarted(screen);
    game.end(6);
    await vi.waitFor(() => expect(screen.tracker.asked).toContain('Coupon Issued'));
    await wait(5000);
    // Signed, but its event is not yet durable: the shopper waits, and sees no QR code.
    expect(screen.phase()).toBe('finishing');
    expect(screen.shown('game-finishing').exists()).toBe(true);
    expect(screen.shown('coupon-qr').exists()).toBe(false);

    release();
    await vi.waitFor(() => expect(screen.phase()).toBe('result'));
    const couponId = screen.shown('coupon').attributes('data-coupon-id');
    expect(screen.shown('game-message').text()).toBe('Congratulations, you won!');
    expect(screen.shown('game-score').text()).toBe('Score 6');
    expect(screen.shown('coupon-qr').exists()).toBe(true);
    expect(screen.tracker.stored.map((s) => s.event)).toEqual(['Game Started', 'Game Finished', 'Coupon Issued']);
    expect(screen.tracker.stored[2]!.properties).toMatchObject({ coupon_id: couponId, campaign_id: 'ten-off', game_id: 'catch-fruit' });
    await vi.waitFor(() => expect(screen.appEvents()).toEqual(['game-ready', 'game-started', 'game-finished', 'game-result']));
    expect(recentAppEvents().at(-1)).toMatchObject({ type: 'game-result', detail: { id: 'catch-fruit', outcome: 'coupon', reason: null, couponId } });
    screen.wrapper.unmount();
  });

  it('leaving mid-countdown starts nothing and leaves no game, input or timer behind', async () => {
    const screen = openGame();
    await toIntro(screen);
    await screen.shown('game-start').trigger('click');
    await wait(1500);
    screen.wrapper.unmount();
    expect(vi.getTimerCount()).toBe(0);
    await wait(10_000);
    expect(fakes.made.map((g) => ({ started: g.started, destroyed: g.destroyed }))).toEqual([{ started: false, destroyed: true }]);
    expect(fakes.inputs.live).toBe(0);
    expect(screen.appEvents()).toEqual(['game-ready']);
    expect(screen.tracker.asked).toEqual([]);
  });

  it('records a game left mid-play as not completed, with its score so far', async () => {
    const screen = openGame();
    const game = await playUntilStarted(screen);
    screen.wrapper.unmount();
    expect(game.destroyed).toBe(true);
    await vi.waitFor(() => expect(screen.tracker.stored.map((s) => s.event)).toEqual(['Game Started', 'Game Finished']));
    expect(screen.tracker.stored[1]!.properties).toMatchObject({ game_id: 'catch-fruit', completed: false, score: 2, prize_outcome: 'undecided' });
  });

  it('plays again on a new game once the old one is gone', async () => {
    const screen = openGame();
    const first = await playUntilStarted(screen);
    first.end(1);
    await vi.waitFor(() => expect(screen.phase()).toBe('result'));
    expect(screen.shown('game-message').text()).toBe('Keep going! Score 5 to enter the prize draw');
    await screen.shown('game-again').trigger('click');
    expect(first.destroyed).toBe(true);
    await toIntro(screen);
    expect(fakes.made).toHaveLength(2);
    expect(fakes.inputs.live).toBe(1);
    await screen.shown('game-start').trigger('click');
    await wait(3500);
    expect(fakes.made.map((g) => g.started)).toEqual([true, true]);
    screen.wrapper.unmount();
    expect(fakes.inputs.live).toBe(0);
  });
});
