// A bare page that runs the kiosk's mini-games without the app around them, for the
// games benchmark: frame times while a game is played with synthetic pointer input
// (PointerEvents on the canvas, as the hand-gesture cursor sends them), and many game
// sessions in a row to see what a session leaves behind. Bundled by games.bench.ts.
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
}

declare global {
  interface Window {
    __games?: GamesDriver;
    __gamesError?: string;
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

async function main(): Promise<void> {
  const configs = z.array(GameConfig).parse(await (await fetch('/pack/data/games.json')).json());
  const byKind = new Map<string, GameConfig>();
  for (const c of configs) if (!byKind.has(c.kind)) byKind.set(c.kind, c);
  const sound = createToneSound({ muted: true });
  const labels = { spin: '转', scratchHere: '刮开这里' };

  /** One game session in a full-window element; returns the pieces to play and to clean up. */
  async function session(kind: string) {
    const config = byKind.get(kind);
    if (!config) throw new Error(`no ${kind} game in the pack`);
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
    await game.ready;
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
  };
}

main().catch((err: unknown) => {
  window.__gamesError = String((err as Error)?.stack ?? err);
});
