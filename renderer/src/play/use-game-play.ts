// The game screen's wiring: the play flow (play-flow.ts) on real timers, each round built
// from the pack's game (prepareGame) with its PlaySession (the prize desk, the host's
// coupons, the event log), the shopper's pointer on the stage, sound, the page's
// visibility, the session's idle wait while a game plays, and the app events tests wait on.
import { computed, inject, nextTick, onBeforeUnmount, onMounted, ref, shallowRef, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { GameConfig } from '../../../content/schema/game-config.ts';
import type { Locale } from '../../../content/schema/localized.ts';
import { createPointerInput, createToneSound, stageResources, type ToneSound } from '../../../games/index.ts';
import { trackerKey, type Tracker } from '../events/tracker.ts';
import { useHost } from '../host/host-key.ts';
import { useScreenStore } from '../navigation/screen-store.ts';
import { useShownPackStore } from '../pack/shown-pack-store.ts';
import type { Availability } from '../prizes/prize-rules.ts';
import { usePrizeStore } from '../prizes/prize-store.ts';
import { newSeed, seededRandom } from '../prizes/seeded-random.ts';
import { useSessionStore } from '../session/session-store.ts';
import { emitAppEvent, registerTestProbe } from '../test-hook/app-events.ts';
import { createPlayFlow, type PlayRound, type PlayState, type Scheduler } from './play-flow.ts';
import { PlaySession, type PlayOutcome } from './play-session.ts';
import { prepareGame } from './prepare-game.ts';

/** What the HUD shows while the game runs. */
export interface PlayProgress {
  score: number;
  remainingSec: number;
}

// What the game renderer holds between sessions, for the soak benchmark.
registerTestProbe('pixi', stageResources);

const timeouts: Scheduler = {
  after(ms, fn) {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};

/** `stage` is the element the game shows in; its pointer events (touch, mouse, hand cursor) are the game's input. */
export function useGamePlay(stage: Readonly<Ref<HTMLElement | null>>) {
  const { t, locale } = useI18n();
  const host = useHost();
  const pack = useShownPackStore();
  const screen = useScreenStore();
  const prizes = usePrizeStore();
  const shopper = useSessionStore();
  // Without the durable event log no coupon may be shown: such a tracker refuses, and
  // the shopper is told to ask staff.
  const tracker: Tracker = inject(trackerKey, null) ?? { track: () => Promise.reject(new Error('no event tracker in this app')) };

  const config = computed(() => pack.data?.games.find((g) => g.id === screen.params.id) ?? null);
  const state = shallowRef<PlayState<PlayOutcome>>({ phase: 'loading' });
  const progress = shallowRef<PlayProgress>({ score: 0, remainingSec: 0 });
  const availability = ref<Availability>('available');
  /** The game of the current round, named in the app events. */
  let shown: GameConfig | null = null;
  let sound: ToneSound | null = null;
  /**
   * While a game loads, and between its start and its result, the shopper is waiting
   * for the kiosk, not gone: the session waits for it (idle-phase.ts), and the quiet
   * time counts again from when the game is on screen. On the weakest kiosk GPU a game
   * can take seconds to load, and "still there?" over a loading game is the kiosk's fault.
   */
  let inPlay = false;
  function setInPlay(on: boolean): void {
    if (on === inPlay) return;
    inPlay = on;
    shopper.playingGame(on);
  }

  const flow = createPlayFlow<PlayOutcome>({
    scheduler: timeouts,
    onTick: () => sound?.play('tick'),
    onChange: (next) => {
      state.value = next;
      setInPlay(next.phase === 'loading' || next.phase === 'playing' || next.phase === 'finishing');
      if (shown) void announce(shown, next);
    },
  });

  async function announce(game: GameConfig, next: PlayState<PlayOutcome>): Promise<void> {
    switch (next.phase) {
      case 'intro':
        emitAppEvent('game-ready', { id: game.id, kind: game.kind });
        return;
      case 'error':
        if (next.problem !== null) emitAppEvent('game-error', { id: game.id, message: next.problem });
        return;
      case 'playing':
        emitAppEvent('game-started', { id: game.id, kind: game.kind });
        return;
      case 'finishing':
        emitAppEvent('game-finished', { id: game.id, score: next.score });
        return;
      case 'result': {
        await nextTick();
        const { outcome } = next;
        emitAppEvent('game-result', {
          id: game.id,
          outcome: outcome.kind,
          reason: outcome.kind === 'no-prize' ? outcome.reason : null,
          couponId: outcome.kind === 'coupon' ? outcome.coupon.couponId : null,
        });
      }
    }
  }

  function createRound(game: GameConfig, view: HTMLElement): PlayRound<PlayOutcome> {
    const prepared = prepareGame(game, (path) => pack.assetUrl(path) ?? path, locale.value as Locale, { spin: t('play.spin'), scratchHere: t('play.scratchHere') });
    const { onlyCampaigns } = prepared;
    const session = new PlaySession({
      game: { id: game.id, kind: game.kind, ...(onlyCampaigns ? { onlyCampaigns } : {}) },
      desk: prizes.desk,
      coupons: host.coupons,
      tracker,
      onProblem: (message) => emitAppEvent('game-problem', { id: game.id, message }),
    });
    let left = false;
    const known = prizes.desk.availability(game.id, onlyCampaigns).catch((): Availability => 'available');
    void known.then((a) => {
      if (!left) availability.value = a;
    });
    const input = createPointerInput(view);
    sound ??= createToneSound();
    const mini = prepared.create({
      view,
      input,
      sound,
      random: seededRandom(newSeed()),
      decidePrize: (score) => session.decidePrize(score),
      onProgress: (p) => (progress.value = { score: p.score, remainingSec: Math.ceil(p.remainingMs / 1000) }),
    });
    return {
      // The intro tells whether there is anything to win: it waits for both.
      ready: Promise.all([known, mini.ready]).then(() => undefined),
      result: mini.result,
      start: () => {
        mini.start();
        void session.started(game.durationSec, game.difficulty);
      },
      pause: () => mini.pause(),
      resume: () => mini.resume(),
      finish: (result) => session.finish(result),
      abandon: (partial) => session.abandon(partial),
      destroy: () => {
        left = true;
        mini.destroy();
        input.dispose();
      },
    };
  }

  /** Loads the game named by the screen (again, after a result): the previous round ends first. */
  function open(): void {
    flow.load(() => {
      shown = config.value;
      progress.value = { score: 0, remainingSec: 0 };
      return shown && stage.value ? createRound(shown, stage.value) : null;
    });
  }

  function onVisibility(): void {
    if (document.hidden) flow.pause();
    else flow.resume();
  }

  onMounted(() => {
    document.addEventListener('visibilitychange', onVisibility);
    open();
  });
  onBeforeUnmount(() => {
    document.removeEventListener('visibilitychange', onVisibility);
    flow.leave();
    setInPlay(false);
    sound?.close();
    sound = null;
  });

  return { config, state, progress, availability, start: () => flow.start(), again: open };
}
