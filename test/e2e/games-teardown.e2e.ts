// A kiosk runs for weeks and plays thousands of games on one pixi renderer: each game,
// created, started and destroyed again and again in real Chromium with real pixi (the
// games page of the benchmark, test/bench/games-page.browser.ts), must leave the
// renderer and the page as it found them — no ticker listener, managed texture or other
// GPU record, canvas, DOM event listener or ResizeObserver more than before.
import type { Page } from '@playwright/test';
import { startGamesPage, type GamesPageServer } from '../bench/games-harness.ts';
import type { Leftovers } from '../bench/games-page.browser.ts';
import { expect, test } from './fixtures.ts';

const KINDS = ['catch', 'wheel', 'scratch'] as const;
const CYCLES = 30;
/**
 * One session in the middle (the 20th) plays to its own end, with a short play time; the
 * others are left while loading or in play. Ending by itself takes the game's real
 * closing moments (the wheel's 4.5 s spin, the scratch card's win), some 7 s a session,
 * and one such session proves what three did: everything but the texture pool and the
 * freed-record slots must come back exactly, so a single finished session that leaks
 * fails; those two allow +3 and +10, which three leaking sessions would not exceed
 * either. The warm-up before the baseline ends one by itself too, so this one is not the
 * first. Thirty sessions stay, so that the nineteen left in play still outnumber those
 * allowances when each of them leaks one.
 */
const CYCLE_OPTIONS = { frames: 6, finishEvery: 20, finishMs: 400 };

/**
 * Runs before the page's scripts: records every add/removeEventListener (honouring
 * `once`, `signal` and duplicate registrations, as the browser does) and every element a
 * ResizeObserver watches, so a test can list what is still attached.
 */
function instrumentListeners(): void {
  type Listener = EventListenerOrEventListenerObject;
  interface Entry {
    target: EventTarget;
    type: string;
    listener: Listener;
    capture: boolean;
    registered: Listener;
  }
  const entries = new Set<Entry>();
  const proto = EventTarget.prototype;
  const nativeAdd = proto.addEventListener;
  const nativeRemove = proto.removeEventListener;
  const captureOf = (options?: boolean | EventListenerOptions) => (typeof options === 'boolean' ? options : Boolean(options?.capture));
  const find = (target: EventTarget, type: string, listener: Listener, capture: boolean) => {
    for (const e of entries) if (e.target === target && e.type === type && e.listener === listener && e.capture === capture) return e;
    return undefined;
  };
  proto.addEventListener = function (this: EventTarget, type: string, listener: Listener | null, options?: boolean | AddEventListenerOptions) {
    const capture = captureOf(options);
    const signal = typeof options === 'object' ? options.signal : undefined;
    if (!listener || find(this, type, listener, capture) || signal?.aborted) return nativeAdd.call(this, type, listener, options);
    const entry: Entry = { target: this, type, listener, capture, registered: listener };
    if (typeof options === 'object' && options.once) {
      entry.registered = function (this: unknown, event: Event) {
        entries.delete(entry);
        return typeof listener === 'function' ? listener.call(this, event) : listener.handleEvent(event);
      };
    }
    if (signal) nativeAdd.call(signal, 'abort', () => entries.delete(entry), { once: true });
    entries.add(entry);
    return nativeAdd.call(this, type, entry.registered, options);
  };
  proto.removeEventListener = function (this: EventTarget, type: string, listener: Listener | null, options?: boolean | EventListenerOptions) {
    const entry = listener ? find(this, type, listener, captureOf(options)) : undefined;
    if (!entry) return nativeRemove.call(this, type, listener, options);
    entries.delete(entry);
    return nativeRemove.call(this, type, entry.registered, options);
  };

  const observed = new Map<ResizeObserver, Set<Element>>();
  const NativeResizeObserver = window.ResizeObserver;
  window.ResizeObserver = class extends NativeResizeObserver {
    override observe(target: Element, options?: ResizeObserverOptions) {
      let targets = observed.get(this);
      if (!targets) observed.set(this, (targets = new Set()));
      targets.add(target);
      super.observe(target, options);
    }
    override unobserve(target: Element) {
      observed.get(this)?.delete(target);
      super.unobserve(target);
    }
    override disconnect() {
      observed.delete(this);
      super.disconnect();
    }
  };

  const label = (t: EventTarget) => {
    if (t === window) return 'window';
    if (t === document) return 'document';
    if (t instanceof Element) return `${t.tagName.toLowerCase()}${t.isConnected ? '' : ' (detached)'}`;
    return t.constructor?.name ?? 'EventTarget';
  };
  window.__listenerProbe = {
    live: () => [
      ...[...entries].map((e) => `${label(e.target)} ${e.type}${e.capture ? ' (capture)' : ''}`),
      ...[...observed.values()].flatMap((targets) => [...targets].map((t) => `${label(t)} ResizeObserver`)),
    ],
  };
}

let server: GamesPageServer;
test.beforeAll(async () => {
  server = await startGamesPage();
});
test.afterAll(async () => {
  await server?.close();
});

async function openGamesPage(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    // The bare page has no favicon.
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text())) errors.push(msg.text());
  });
  await page.addInitScript(instrumentListeners);
  await page.goto(server.url);
  const started = await page.waitForFunction(() => (window.__games ? 'ok' : window.__gamesError ?? null), null, { timeout: 60_000 });
  expect(await started.jsonValue()).toBe('ok');
  // pixi's own collector frees idle GPU resources after a minute; off, the counts show only what destroy() freed.
  await page.evaluate(() => window.__games!.pixiGc(false));
  return errors;
}

const leftovers = (page: Page) => page.evaluate(() => window.__games!.leftovers());
/**
 * Everything that must come back to its baseline. pixi's pool of idle textures may keep
 * one per size it was asked for; freed-record slots are checked on their own (below).
 */
const mustReturn = ({ pooledTextures: _pooled, freedSlots: _freed, ...rest }: Leftovers) => rest;

test.describe('game teardown', () => {
  test.describe.configure({ timeout: 300_000 });

  for (const kind of KINDS) {
    test(`${kind}: ${CYCLES} sessions, created, started and destroyed, leave nothing behind`, async ({ page }) => {
      const errors = await openGamesPage(page);
      // One of each way to leave first: pixi's one-time set-up (shaders, pooled textures) is not a leak.
      await page.evaluate(([k, o]) => window.__games!.cycles(k, 3, { ...o, finishEvery: 3 }), [kind, CYCLE_OPTIONS] as const);
      const before = await leftovers(page);
      expect(before.listeners, 'the page records its listeners').not.toBeNull();
      expect(before.tickers.appRunning).toBe(false);
      expect(before.canvases).toBe(0);

      const run = await page.evaluate(([k, n, o]) => window.__games!.cycles(k, n, o), [kind, CYCLES, CYCLE_OPTIONS] as const);
      expect(run.left + run.completed).toBe(CYCLES);
      expect(run.completed).toBe(Math.floor(CYCLES / CYCLE_OPTIONS.finishEvery));

      const after = await leftovers(page);
      test.info().annotations.push({ type: 'leftovers', description: `${kind}: ${JSON.stringify(mustReturn(after))}; idle pooled textures ${before.pooledTextures} → ${after.pooledTextures}; freed-record slots ${before.freedSlots} → ${after.freedSlots}` });
      expect(mustReturn(after)).toEqual(mustReturn(before));
      // The pool reuses its textures: thirty sessions may add a size or two, never one per session.
      expect(after.pooledTextures).toBeLessThanOrEqual(before.pooledTextures + 3);
      // pixi marks freed records with null slots; the stage drops them between sessions, so they must not pile up
      // (a few differ with when the last session's images finished loading).
      expect(after.freedSlots).toBeLessThanOrEqual(before.freedSlots + 10);
      expect(errors).toEqual([]);
    });
  }
});
