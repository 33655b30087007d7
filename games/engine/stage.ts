// Where a game draws: one pixi renderer for the whole app, forced to WebGL (WebGPU is
// not dependable on kiosk hardware or headless Chromium), lent to one game session at
// a time. A session gets its own world container, laid out by the resize policy, in
// the element the kiosk gives it; destroy() takes back everything the session added
// and leaves the renderer for the next one.
//
// Why one renderer: pixi 8 keeps module-level records of every renderer it ever made
// (shader sources, a back-buffer shader bound to its global white texture), ~8 KiB
// each. A renderer per session would grow the heap with every shopper for weeks, and
// cost a WebGL context and shader compiles each time.
//
// The theme's backdrop is not drawn with WebGL: its colour is the clear colour, and its
// image is the canvas's CSS background behind a transparent canvas. Filling a 1080p
// screen through pixi's shader every frame costs more than the whole game on a weak
// GPU (and ~170 ms a frame on a software renderer); the compositor shows a still image
// for nearly nothing.
import 'pixi.js/unsafe-eval'; // the kiosk's CSP allows no eval; pixi must not generate code
import { Application, cleanHash, Container, Texture, type Renderer } from 'pixi.js';
import type { GameTheme, Size } from '../contract.ts';
import { fitWorld, type WorldFit } from './fit-world.ts';
import { ResolutionGovernor } from './resolution-governor.ts';
import { gameContext } from './webgl-context.ts';

export interface Stage {
  readonly app: Application;
  /** World units (see fit-world.ts); games put everything in here. */
  readonly root: Container;
  readonly fit: WorldFit;
  toWorld(x: number, y: number): { x: number; y: number };
  onResize(listener: (fit: WorldFit) => void): void;
  destroy(): void;
}

let shared: Promise<Application> | null = null;
/** Sessions take the stage in turn: a new one waits until the last one let go. */
let queue: Promise<void> = Promise.resolve();

async function makeApplication(): Promise<Application> {
  const app = new Application();
  const canvas = document.createElement('canvas');
  // Batches of at most 4 textures: see webgl-context.ts. Without WebGL2 pixi makes its own context.
  const context = gameContext(canvas) ?? undefined;
  await app.init({
    preference: 'webgl',
    canvas,
    context,
    width: 1,
    height: 1,
    // An alpha canvas, so a backdrop image can show through; opaque themes clear with alpha 1.
    backgroundAlpha: 0,
    resolution: 1,
    autoDensity: true,
    antialias: false,
    // Game runners start the ticker while a game is played; nothing is drawn otherwise.
    autoStart: false,
    powerPreference: 'high-performance',
    // Input comes from the kiosk's own pointer stream, not pixi's hit testing.
    eventMode: 'none',
    eventFeatures: { move: false, globalMove: false, click: false, wheel: false },
  });
  app.canvas.style.display = 'block';
  return app;
}

/** The renderer, made on first use, and made again if the GPU lost its context for good. */
async function application(): Promise<Application> {
  const app = shared ? await shared.catch(() => null) : null;
  const lost = (app?.renderer as unknown as { context?: { isLost?: boolean } } | undefined)?.context?.isLost ?? false;
  if (app && !lost) return app;
  if (app) app.destroy({ removeView: true, releaseGlobalResources: true }, { children: true, context: true });
  shared = makeApplication();
  return shared;
}

/**
 * Drops the slots pixi keeps for GPU records it freed. pixi 8 frees a texture, graphics
 * context, text, buffer or geometry by setting its slot in one of the renderer's hashes
 * to null, and compacts a hash only once it holds 10,000 such slots; each session leaves
 * a few dozen, so a kiosk would carry thousands of them between compactions (about
 * 0.5 KiB of heap a session). Between sessions nothing renders, so they are dropped
 * here the way pixi's collector drops them itself. It reads pixi's GCSystem internals
 * and does nothing if those change shape.
 */
function dropFreedSlots(renderer: Renderer): void {
  const hashes = (renderer.gc as unknown as { _managedResourceHashes?: unknown })._managedResourceHashes;
  if (!Array.isArray(hashes)) return;
  for (const entry of hashes as { context?: Record<string, unknown>; hash?: unknown }[]) {
    const { context, hash } = entry;
    if (!context || typeof hash !== 'string') continue;
    const items = context[hash];
    if (items && typeof items === 'object') context[hash] = cleanHash(items as Record<string, unknown>);
  }
}

/** What the shared renderer holds between sessions (the soak benchmark's leak check); null before the first game. */
export interface StageResources {
  /** Session worlds still on the stage (0 between sessions). */
  stageChildren: number;
  /** Texture sources with GPU memory. */
  textures: number;
  /** Every GPU record pixi's collector tracks: textures, graphics, text, buffers, geometry. */
  gpuRecords: number;
  /**
   * Listeners on pixi's shared empty and white textures, which outlive every session: a
   * bind group pixi caches for good (a shape filled with a session's texture) adds some
   * each time, so a count that grows with sessions is a leak.
   */
  sharedTextureListeners: number;
}

/** Counts what the shared renderer holds now. It reads pixi's GCSystem internals and counts 0 for those if they change shape. */
export async function stageResources(): Promise<StageResources | null> {
  const app = shared ? await shared.catch(() => null) : null;
  if (!app) return null;
  const renderer = app.renderer as unknown as { texture?: { managedTextures?: readonly unknown[] }; gc?: { _managedResources?: unknown; _managedResourceHashes?: unknown } };
  let gpuRecords = Array.isArray(renderer.gc?._managedResources) ? renderer.gc._managedResources.length : 0;
  const hashes = renderer.gc?._managedResourceHashes;
  if (Array.isArray(hashes)) {
    for (const { context, hash } of hashes as { context?: Record<string, unknown>; hash?: unknown }[]) {
      const items = context && typeof hash === 'string' ? context[hash] : null;
      if (items && typeof items === 'object') gpuRecords += Object.values(items).filter((v) => v != null).length;
    }
  }
  const sharedTextureListeners = [Texture.EMPTY, Texture.WHITE].reduce((n, t) => n + t.source.listenerCount('change') + t.source.style.listenerCount('change'), 0);
  return { stageChildren: app.stage.children.length, textures: renderer.texture?.managedTextures?.length ?? 0, gpuRecords, sharedTextureListeners };
}

const cssColour = (n: number) => `#${n.toString(16).padStart(6, '0')}`;

/** Loads the backdrop image before the game is ready, so it is on screen with the first frame. */
async function showBackdrop(canvas: HTMLCanvasElement, theme: GameTheme): Promise<void> {
  canvas.style.background = '';
  if (!theme.backgroundImage) return;
  const image = new Image();
  image.src = theme.backgroundImage;
  await image.decode();
  canvas.style.background = `${cssColour(theme.background)} url(${JSON.stringify(theme.backgroundImage)}) center / cover no-repeat`;
}

const sizeOf = (host: HTMLElement): Size => {
  const box = host.getBoundingClientRect();
  return { width: Math.max(1, Math.round(box.width)), height: Math.max(1, Math.round(box.height)) };
};

/** Lends the renderer to a game session, drawing into `host` (an element sized by the kiosk's layout). */
export async function createStage(host: HTMLElement, theme: GameTheme): Promise<Stage> {
  const previous = queue;
  let release!: () => void;
  queue = new Promise<void>((resolve) => (release = resolve));
  await previous;
  let app: Application;
  try {
    app = await application();
    await showBackdrop(app.canvas, theme);
  } catch (err) {
    release();
    throw err;
  }
  const { renderer, canvas, ticker } = app;
  // Transparent black over a backdrop image: the canvas is premultiplied, so a
  // transparent clear in any other colour would lighten the image behind it.
  renderer.background.color = theme.backgroundImage ? 0x000000 : theme.background;
  renderer.background.alpha = theme.backgroundImage ? 0 : 1;

  let size = sizeOf(host);
  const governor = new ResolutionGovernor({ start: Math.min(window.devicePixelRatio || 1, 2) });
  renderer.resize(size.width, size.height, governor.resolution);
  host.append(canvas);

  const root = new Container();
  app.stage.addChild(root);
  let fit = fitWorld(size);
  root.scale.set(fit.scale);
  const listeners = new Set<(fit: WorldFit) => void>();
  const observer = new ResizeObserver(() => {
    const next = sizeOf(host);
    if (next.width === size.width && next.height === size.height) return;
    size = next;
    renderer.resize(next.width, next.height, governor.resolution);
    fit = fitWorld(next);
    root.scale.set(fit.scale);
    for (const listener of listeners) listener(fit);
    // Not playing (behind the intro, or finished): show the new layout anyway.
    if (!ticker.started) app.render();
  });
  observer.observe(host);
  // The ticker runs only while a game is played, so only play time is measured.
  const govern = () => {
    const resolution = governor.sample(ticker.deltaMS);
    if (resolution !== null) renderer.resize(size.width, size.height, resolution);
  };
  ticker.add(govern);

  let destroyed = false;
  return {
    app,
    root,
    get fit() {
      return fit;
    },
    toWorld: (x, y) => ({ x: x / fit.scale, y: y / fit.scale }),
    onResize: (listener) => void listeners.add(listener),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      observer.disconnect();
      listeners.clear();
      ticker.stop();
      ticker.remove(govern);
      // Display objects and graphics contexts go with the session; image textures
      // belong to the scene's TextureBag (a blanket texture: true would also destroy
      // pixi's shared white texture); text styles are shared (text-style.ts).
      root.destroy({ children: true, context: true });
      dropFreedSlots(renderer);
      canvas.style.background = '';
      canvas.remove();
      release();
    },
  };
}
