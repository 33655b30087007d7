// A bare page that runs the kiosk's mini-games without the app around them, for the
// games benchmark and the teardown end-to-end test: frame times while a game is played
// with synthetic pointer input (PointerEvents on the canvas, as the hand-gesture cursor
// sends them), many game sessions in a row to see what a session leaves behind, and a
// count of what the shared pixi renderer holds between sessions. Bundled by
// games-harness.ts.
import { Ticker, TexturePool, type Application, type TextureSource } from 'pixi.js';
import { z } from 'zod';
import { GameConfig } from '../../content/schema/game-config.ts';
import { createPointerInput, createToneSound, type GameResult } from '../../games/index.ts';
import { createStage } from '../../games/engine/stage.ts';
import { prepareGame, type PreparedGame } from '../../renderer/src/play/prepare-game.ts';
import { seededRandom } from '../../renderer/src/prizes/seeded-random.ts';

export interface FrameRun {
  kind: string;
  /** Milliseconds between animation frames while the game was being played. */
  intervals: number[];
  width: number;
  height: number;
  result: GameResult | null;
}

export interface GamesDriver {
  renderer: string;
  kinds: string[];
  /** Frame intervals of an empty pixi stage on the same canvas: the floor this machine draws at. */
  baseline(ms: number): Promise<FrameRun>;
  /** Plays a game of `kind` for up to `ms` (after `warmupMs`) and returns its frame intervals. */
  frames(kind: string, ms: number, warmupMs: number): Promise<FrameRun>;
  /** Creates, starts, plays `frames` frames of and destroys `count` game sessions, cycling the kinds (or only `only`). */
  sessions(count: number, frames: number, only?: string): Promise<{ sessions: number; canvasesLeft: number }>;
  /**
   * `count` sessions of `kind` through create → start → destroy, each left a different
   * way: while still loading, in play after `frames` frames, or (every `finishEvery`th,
   * with a play time of `finishMs`) after it ended by itself. Resolves once every session
   * settled; returns how each one ended.
   */
  cycles(kind: string, count: number, options: { frames: number; finishEvery: number; finishMs: number }): Promise<{ left: number; completed: number }>;
  /** Opens a session of `kind` (with a play time of `playMs`, if given), waits until it is ready and starts it; the page's own pointer input plays it. */
  play(kind: string, playMs?: number): Promise<void>;
  /** The result of the session play() started, once it ended by itself; null until then. */
  played(): GameResult | null;
  /** Destroys the session play() started. */
  stop(): void;
  /** What the shared renderer and the page hold right now (see Leftovers). */
  leftovers(): Leftovers;
  /** Turns pixi's own garbage collector of idle GPU resources off (or on), so a test sees only what destroy() freed. */
  pixiGc(enabled: boolean): void;
}

/** What is left between two game sessions: every number must be back where it was before them. */
export interface Leftovers {
  /** Listeners on the shared Application's ticker, pixi's shared and system tickers; whether the app ticker runs. */
  tickers: { app: number; shared: number; system: number; appRunning: boolean };
  /** Texture sources the renderer manages (uploaded to the GPU) outside pixi's pool of idle textures. */
  textures: number;
  /** Idle textures kept in pixi's TexturePool for reuse (reported; bounded by the sizes asked for). */
  pooledTextures: number;
  /** Other GPU-side records: graphics contexts, buffers, geometries, render targets (outside the pool), text textures in use. */
  gpu: { graphicsContexts: number; buffers: number; geometries: number; renderTargets: number; textTextures: number };
  /**
   * Slots of freed GPU records still in the renderer's hashes: pixi marks a freed record
   * with null and compacts a hash itself only at 10,000 of them (games/engine/stage.ts drops them between sessions).
   */
  freedSlots: number;
  /** Display objects on the shared stage. */
  stageChildren: number;
  canvases: number;
  /** Live event listeners and observed elements, as `target event` lines (when the page is instrumented; see listenerProbe). */
  listeners: string[] | null;
}

/** Set by an init script that records add/removeEventListener and ResizeObserver calls (test/e2e/games-teardown.e2e.ts). */
export interface ListenerProbe {
  live(): string[];
}

declare global {
  interface Window {
    __games?: GamesDriver;
    __gamesError?: string;
    __listenerProbe?: ListenerProbe;
  }
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const SEED = '00112233445566778899aabbccddeeff';

function webglRenderer(): string {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'no WebGL2';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

/** Synthetic input for one frame of play: what a shopper's finger or hand would do. */
function drive(kind: string, view: HTMLElement, frame: number, pressed: boolean): void {
  const target = view.querySelector('canvas') ?? view;
  const rect = view.getBoundingClientRect();
  let x = rect.width / 2;
  let y = rect.height / 2;
  let type = 'pointermove';
  if (kind === 'catch') {
    x = rect.width * (0.5 + 0.4 * Math.sin(frame / 25));
    y = rect.height * 0.8;
  } else if (kind === 'wheel') {
    if (frame !== 5) return;
    type = 'pointerdown';
  } else {
    // Scratch in slow zigzags over the middle of the card.
    const row = (frame / 40) % 1;
    x = rect.width * (0.3 + 0.4 * ((frame % 40) / 40));
    y = rect.height * (0.25 + 0.5 * row);
  }
  target.dispatchEvent(new PointerEvent(type, { clientX: rect.left + x, clientY: rect.top + y, pointerType: 'mouse', pointerId: 1, isPrimary: true, buttons: pressed ? 1 : 0, bubbles: true }));
}

const live = (items: Record<string, unknown> | undefined) => Object.values(items ?? {}).filter(Boolean).length;

/** Counts what the shared Application holds (pixi internals are read where there is no public count). */
function leftoversOf(app: Application): Leftovers {
  const r = app.renderer as unknown as {
    texture: { managedTextures: (TextureSource | null)[] };
    graphicsContext: { _managedContexts: { items: Record<string, unknown> } };
    buffer: { _managedBuffers: { items: Record<string, unknown> } };
    geometry: { _managedGeometries: { items: Record<string, unknown> } };
    renderTarget: { _renderSurfaceToRenderTargetHash: Map<unknown, unknown> };
    canvasText: { _activeTextures: Record<string, unknown> };
    gc: { _managedResourceHashes: { context: Record<string, Record<string, unknown>>; hash: string }[] };
  };
  let freedSlots = 0;
  for (const { context, hash } of r.gc._managedResourceHashes) for (const key in context[hash]) if (context[hash][key] === null) freedSlots++;
  const pool = TexturePool as unknown as { _buckets: Map<number, { source: TextureSource }[]> };
  const idle = new Set<TextureSource>();
  for (const bucket of pool._buckets.values()) for (const texture of bucket) idle.add(texture.source);
  let renderTargets = 0;
  for (const surface of r.renderTarget._renderSurfaceToRenderTargetHash.keys()) if (!idle.has(surface as TextureSource)) renderTargets++;
  return {
    tickers: { app: app.ticker.count, shared: Ticker.shared.count, system: Ticker.system.count, appRunning: app.ticker.started },
    textures: r.texture.managedTextures.filter((t) => t && !idle.has(t)).length,
    pooledTextures: idle.size,
    gpu: {
      graphicsContexts: live(r.graphicsContext._managedContexts.items),
      buffers: live(r.buffer._managedBuffers.items),
      geometries: live(r.geometry._managedGeometries.items),
      renderTargets,
      textTextures: live(r.canvasText._activeTextures),
    },
    freedSlots,
    stageChildren: app.stage.children.length,
    canvases: document.querySelectorAll('canvas').length,
    listeners: window.__listenerProbe ? window.__listenerProbe.live().sort() : null,
  };
}

async function main(): Promise<void> {
  const configs = z.array(GameConfig).parse(await (await fetch('/pack/data/games.json')).json());
  const byKind = new Map<string, GameConfig>();
  for (const c of configs) if (!byKind.has(c.kind)) byKind.set(c.kind, c);
  const sound = createToneSound({ muted: true });
  const labels = { spin: '转', scratchHere: '刮开这里' };

  /** One game session in a full-window element, created but not yet loaded; returns the pieces to play and to clean up. */
  function open(kind: string, playMs?: number) {
    const found = byKind.get(kind);
    if (!found) throw new Error(`no ${kind} game in the pack`);
    const config = playMs === undefined ? found : { ...found, durationSec: playMs / 1000 };
    const view = document.createElement('div');
    view.style.cssText = 'position:fixed;inset:0';
    document.body.append(view);
    const prepared: PreparedGame = prepareGame(config, (p) => `/pack/${p}`, 'zh-CN', labels);
    const input = createPointerInput(view);
    const game = prepared.create({
      view,
      input,
      sound,
      random: seededRandom(SEED),
      decidePrize: async () => ({ won: true, prizeId: prepared.onlyCampaigns?.[0] ?? null }),
      onProgress: () => undefined,
    });
    return {
      view,
      game,
      close() {
        game.destroy();
        input.dispose();
        view.remove();
      },
    };
  }

  async function session(kind: string) {
    const s = open(kind);
    await s.game.ready;
    return s;
  }

  // The shared renderer, borrowed once so leftovers() can look into it; game sessions get the same one.
  const probeHost = document.createElement('div');
  document.body.append(probeHost);
  const probeStage = await createStage(probeHost, { primary: 0, accent: 0, background: 0 });
  const app = probeStage.app;
  probeStage.destroy();
  probeHost.remove();

  let playing: { close(): void; result: GameResult | null } | null = null;

  window.__games = {
    renderer: webglRenderer(),
    kinds: [...byKind.keys()],
    async baseline(ms) {
      const host = document.createElement('div');
      host.style.cssText = 'position:fixed;inset:0';
      document.body.append(host);
      const stage = await createStage(host, { primary: 0, accent: 0, background: 0xfff8e1 });
      stage.app.ticker.start();
      const intervals: number[] = [];
      let last = await nextFrame();
      const begin = last;
      while (last - begin < ms) {
        const now = await nextFrame();
        intervals.push(now - last);
        last = now;
      }
      const { width, height } = stage.app.canvas;
      stage.destroy();
      host.remove();
      return { kind: 'empty stage', intervals, width, height, result: null };
    },
    async frames(kind, ms, warmupMs) {
      const s = await session(kind);
      let result: GameResult | null = null;
      void s.game.result.then((r) => (result = r));
      s.game.start();
      const intervals: number[] = [];
      let frame = 0;
      let last = await nextFrame();
      const begin = last;
      while (last - begin < warmupMs + ms && !result) {
        drive(kind, s.view, frame++, true);
        const now = await nextFrame();
        if (now - begin > warmupMs) intervals.push(now - last);
        last = now;
      }
      const canvas = s.view.querySelector('canvas');
      const { width, height } = canvas ?? { width: 0, height: 0 };
      s.close();
      return { kind, intervals, width, height, result };
    },
    async sessions(count, frames, only) {
      const kinds = only ? [only] : [...byKind.keys()];
      for (let i = 0; i < count; i++) {
        const kind = kinds[i % kinds.length]!;
        const s = await session(kind);
        s.game.start();
        for (let f = 0; f < frames; f++) {
          drive(kind, s.view, f, true);
          await nextFrame();
        }
        s.close();
      }
      return { sessions: count, canvasesLeft: document.querySelectorAll('canvas').length };
    },
    async cycles(kind, count, { frames, finishEvery, finishMs }) {
      let left = 0;
      let completed = 0;
      for (let i = 0; i < count; i++) {
        const finishing = finishEvery > 0 && i % finishEvery === finishEvery - 1;
        const s = open(kind, finishing ? finishMs : undefined);
        s.game.start();
        if (!finishing && i % 3 === 0) {
          // Left while loading: the stage and textures may arrive after destroy().
          s.close();
          await s.game.ready.catch(() => undefined);
        } else {
          await s.game.ready;
          if (finishing) {
            for (let f = 0; ; f++) {
              const over = await Promise.race([s.game.result.then(() => true), nextFrame().then(() => false)]);
              if (over) break;
              drive(kind, s.view, f, true);
            }
          } else {
            for (let f = 0; f < frames; f++) {
              drive(kind, s.view, f, true);
              await nextFrame();
            }
          }
          s.close();
        }
        if ((await s.game.result).completed) completed++;
        else left++;
      }
      // One more frame, so anything a destroyed session scheduled has run.
      await nextFrame();
      return { left, completed };
    },
    async play(kind, playMs) {
      playing?.close();
      const s = open(kind, playMs);
      const current = { close: () => s.close(), result: null as GameResult | null };
      playing = current;
      void s.game.result.then((r) => void (r.completed && (current.result = r)));
      await s.game.ready;
      s.game.start();
    },
    played: () => playing?.result ?? null,
    stop() {
      playing?.close();
      playing = null;
    },
    leftovers: () => leftoversOf(app),
    pixiGc(enabled) {
      app.renderer.gc.enabled = enabled;
    },
  };
}

main().catch((err: unknown) => {
  window.__gamesError = String((err as Error)?.stack ?? err);
});
