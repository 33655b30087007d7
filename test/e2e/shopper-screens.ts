// What the shopper-facing end-to-end tests share: the screenshots a person looks at,
// the check that no text runs off the screen, and the check that no character is drawn
// as a missing-glyph box — in the DOM and in what the games draw on their canvases.
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DATA_FILES, MANIFEST_FILE } from '../../content/schema/layout.ts';
import type { AppEvent } from '../support/app-events.ts';
import { demoPackDir, lastEventSeq, repo, waitForAppEvent } from './fixtures.ts';
import { writeGamesFixturePack } from './games-fixture.ts';

/** The games fixture pack (certain prizes, no campaign limits named: they default), one copy per worker. */
export const GAMES_FIXTURE_PACK = path.join(os.tmpdir(), `kiosk-e2e-games-fixture-${process.pid}`);

export async function writeGamesFixture(): Promise<string> {
  if (!(await stat(path.join(GAMES_FIXTURE_PACK, 'manifest.json')).then(() => true, () => false))) await writeGamesFixturePack(GAMES_FIXTURE_PACK);
  return GAMES_FIXTURE_PACK;
}

/**
 * A copy of the games fixture whose campaigns are changed by `edit` (the manifest's
 * hash and size of the file follow), one per worker and name: e.g. a cool-down long
 * enough that a test's timing cannot outlast it.
 */
export async function writeGamesFixtureVariant(name: string, edit: (campaigns: Record<string, unknown>[]) => void): Promise<string> {
  const dir = `${GAMES_FIXTURE_PACK}-${name}`;
  if (await stat(path.join(dir, MANIFEST_FILE)).then(() => true, () => false)) return dir;
  const staging = `${dir}.${Date.now()}`;
  await cp(await writeGamesFixture(), staging, { recursive: true });
  const file = path.join(staging, ...DATA_FILES.campaigns.split('/'));
  const campaigns = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>[];
  edit(campaigns);
  const bytes = Buffer.from(`${JSON.stringify(campaigns, null, 2)}\n`);
  await writeFile(file, bytes);
  const manifestFile = path.join(staging, MANIFEST_FILE);
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { files: Record<string, { sha256: string; size: number }> };
  manifest.files[DATA_FILES.campaigns] = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  await cp(staging, dir, { recursive: true });
  return dir;
}

/**
 * From the games list: opens a wheel, starts it, taps it, and waits for the result the
 * shopper sees. `again` plays from the result screen's "Play again" instead.
 */
export async function playWheel(page: Page, id: string, from: 'list' | 'again' = 'list'): Promise<AppEvent<'game-result'>> {
  const opened = await lastEventSeq(page);
  await page.getByTestId(from === 'list' ? `game-${id}` : 'game-again').click();
  await waitForAppEvent(page, 'game-ready', { id }, opened);
  const started = await lastEventSeq(page);
  await page.getByTestId('game-start').click();
  await waitForAppEvent(page, 'game-started', { id }, started);
  const box = (await page.getByTestId('game-stage').boundingBox())!;
  const tapped = await lastEventSeq(page);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const result = await waitForAppEvent(page, 'game-result', { id }, tapped, 30_000);
  await page.getByTestId('game-result').waitFor();
  return result;
}

/**
 * The demo pack with its default daypart all day (its breakfast and evening dayparts
 * offer fewer games), so a test sees every game whatever the hour. One copy per worker.
 */
export const ALL_DAY_DEMO_PACK = path.join(os.tmpdir(), `kiosk-e2e-demo-all-day-${process.pid}`);

export async function writeAllDayDemoPack(): Promise<string> {
  if (await stat(path.join(ALL_DAY_DEMO_PACK, 'manifest.json')).then(() => true, () => false)) return ALL_DAY_DEMO_PACK;
  const staging = `${ALL_DAY_DEMO_PACK}.${Date.now()}`;
  await cp(demoPackDir, staging, { recursive: true });
  const file = path.join(staging, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { schedule: { dayparts?: unknown[] } };
  manifest.schedule.dayparts = [];
  await writeFile(file, JSON.stringify(manifest, null, 2));
  await cp(staging, ALL_DAY_DEMO_PACK, { recursive: true });
  return ALL_DAY_DEMO_PACK;
}

/** Where these tests write the screenshots a person opens: test-results/screenshots/<topic>/<name>.png. */
export async function screenshot(page: Page, topic: string, name: string): Promise<void> {
  const dir = path.join(repo, 'test-results', 'screenshots', topic);
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/** Fonts and pictures loaded, transitions over, two frames painted: what the shopper sees once the screen stops moving. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all([...document.images].map((img) => (img.complete ? undefined : img.decode().catch(() => undefined))));
    // Fades and slides end; endless animations (a pulse, a nudge) are left running.
    await Promise.all(
      document.getAnimations().map((a) => {
        const timing = a.effect?.getComputedTiming();
        return timing && timing.iterations !== Infinity && a.playState === 'running' ? a.finished.catch(() => undefined) : undefined;
      }),
    );
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

export interface Overflow {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Every line of text that leaves the screen: each text node's line boxes, measured as
 * drawn (transforms included), with endless animations held at the frame where they
 * are largest (the call to action pulses to 106 %). Text in a scrolling list may go
 * below the fold; it may never leave the sides.
 */
export async function textOffScreen(page: Page): Promise<Overflow[]> {
  return page.evaluate(() => {
    const held: Animation[] = [];
    for (const a of document.getAnimations()) {
      const timing = a.effect?.getComputedTiming();
      if (timing?.iterations !== Infinity || typeof timing.duration !== 'number') continue;
      a.pause();
      // The keyframes of these pulses peak half-way.
      a.currentTime = timing.duration / 2;
      held.push(a);
    }
    const W = window.innerWidth;
    const H = window.innerHeight;
    const out: Overflow[] = [];
    const scrolls = (el: Element) => {
      for (let a: Element | null = el; a; a = a.parentElement) {
        if (/(auto|scroll)/.test(getComputedStyle(a).overflowY)) return true;
      }
      return false;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (!text || !el || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const inList = scrolls(el);
      for (const r of range.getClientRects()) {
        if (r.width === 0 || r.height === 0) continue;
        const off = r.left < -0.5 || r.right > W + 0.5 || (!inList && (r.top < -0.5 || r.bottom > H + 0.5));
        if (off) out.push({ text, left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top), bottom: Math.round(r.bottom) });
      }
    }
    for (const a of held) a.play();
    return out;
  });
}

export interface TextOverlap {
  a: string;
  b: string;
}

/**
 * Lines of two different texts drawn over each other (more than 2 px both ways), as
 * drawn — clipped by the boxes that clip them (an ellipsis), with endless animations
 * held at their largest frame.
 */
export async function textOverlaps(page: Page): Promise<TextOverlap[]> {
  return page.evaluate(() => {
    const held: Animation[] = [];
    for (const a of document.getAnimations()) {
      const timing = a.effect?.getComputedTiming();
      if (timing?.iterations !== Infinity || typeof timing.duration !== 'number') continue;
      a.pause();
      a.currentTime = timing.duration / 2;
      held.push(a);
    }
    type R = { left: number; top: number; right: number; bottom: number };
    const clip = (r: R, el: Element): R | null => {
      let out = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
        const cs = getComputedStyle(a);
        if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
        const b = a.getBoundingClientRect();
        out = { left: Math.max(out.left, b.left), top: Math.max(out.top, b.top), right: Math.min(out.right, b.right), bottom: Math.min(out.bottom, b.bottom) };
        if (out.right <= out.left || out.bottom <= out.top) return null;
      }
      return out;
    };
    const lines: { text: string; node: Node; r: R }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (!text || !el || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        const r = rect.width > 0 && rect.height > 0 ? clip(rect, el) : null;
        if (r) lines.push({ text, node, r });
      }
    }
    const out: { a: string; b: string }[] = [];
    for (let i = 0; i < lines.length; i++) {
      for (let j = i + 1; j < lines.length; j++) {
        const p = lines[i]!;
        const q = lines[j]!;
        if (p.node === q.node) continue;
        const w = Math.min(p.r.right, q.r.right) - Math.max(p.r.left, q.r.left);
        const h = Math.min(p.r.bottom, q.r.bottom) - Math.max(p.r.top, q.r.top);
        if (w > 2 && h > 2) out.push({ a: p.text, b: q.text });
      }
    }
    for (const a of held) a.play();
    return out;
  });
}

/** The family the kiosk bundles (the only one with CJK glyphs a kiosk can count on). */
export const BUNDLED_FAMILY = 'Noto Sans SC';

export interface GlyphProblem {
  text: string;
  font: string;
  /** Characters drawn as the missing-glyph box. */
  boxes: string[];
  /** Characters no loaded face of the bundled font covers (its unicode-range). */
  uncovered: string[];
  /** document.fonts.check said a face these characters need is not loaded. */
  notLoaded: boolean;
}

/**
 * Installs, in the page, `window.__glyphs.check(font, texts)`: for each string, whether
 * the Font Loading API has every face it needs loaded (`document.fonts.check`), which
 * characters no loaded face of the bundled font covers, and — the second opinion — which
 * characters come out of a canvas pixel for pixel as the box a font draws for a
 * character it does not have (U+10FFFD, which no font has).
 */
export async function installGlyphChecks(page: Page): Promise<void> {
  await page.evaluate((family) => {
    const canvas = document.createElement('canvas');
    canvas.width = 96;
    canvas.height = 96;
    // Not a game's text: recordCanvasText leaves this canvas out.
    canvas.dataset.glyphCheck = 'yes';
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    const bitmap = (font: string, ch: string) => {
      ctx.clearRect(0, 0, 96, 96);
      ctx.font = font;
      ctx.fillStyle = '#000';
      ctx.fillText(ch, 12, 64);
      return ctx.getImageData(0, 0, 96, 96).data;
    };
    const same = (a: Uint8ClampedArray, b: Uint8ClampedArray) => a.every((v, i) => v === b[i]);
    const isBox = new Map<string, boolean>();
    const drawnAsBox = (font: string, box: Uint8ClampedArray, ch: string) => {
      const key = `${font}|${ch}`;
      if (!isBox.has(key)) isBox.set(key, same(bitmap(font, ch), box));
      return isBox.get(key)!;
    };
    // Unicode ranges of the bundled font's faces that are loaded.
    const ranges = () => {
      const out: [number, number][] = [];
      document.fonts.forEach((face) => {
        if (face.family.replace(/["']/g, '') !== family || face.status !== 'loaded') return;
        for (const part of face.unicodeRange.split(',')) {
          const m = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim());
          if (!m) continue;
          const lo = parseInt(m[1]!.replace(/\?/g, '0'), 16);
          const hi = m[2] ? parseInt(m[2], 16) : parseInt(m[1]!.replace(/\?/g, 'f'), 16);
          out.push([lo, hi]);
        }
      });
      return out;
    };
    /** The font shorthand at a size where a box and a glyph cannot look alike. */
    const atSize = (font: string) => font.replace(/\d+(\.\d+)?px/, '48px');
    (window as unknown as { __glyphs: unknown }).__glyphs = {
      check(font: string, texts: string[], askCheck = true) {
        const f = atSize(font);
        const box = bitmap(f, '\u{10FFFD}');
        const covered = ranges();
        const problems = [];
        for (const text of texts) {
          const chars = [...new Set([...text])].filter((c) => c.trim() !== '' && !/[\u200b-\u200f\ufe0f]/.test(c));
          const boxes = chars.filter((c) => drawnAsBox(f, box, c));
          const uncovered = chars.filter((c) => !covered.some(([lo, hi]) => c.codePointAt(0)! >= lo && c.codePointAt(0)! <= hi));
          const notLoaded = askCheck && !document.fonts.check(f, text);
          if (boxes.length || uncovered.length || notLoaded) problems.push({ text, font, boxes, uncovered, notLoaded });
        }
        return problems;
      },
    };
  }, BUNDLED_FAMILY);
}

/** Glyph problems of strings drawn in `font` (a CSS font shorthand), after loading what they need as the DOM would. */
export async function glyphProblems(page: Page, font: string, texts: string[], load = true): Promise<GlyphProblem[]> {
  return page.evaluate(
    async ({ font, texts, load }) => {
      // One request with every character: the faces (unicode-range chunks) they need.
      if (load) await document.fonts.load(font.replace(/\d+(\.\d+)?px/, '48px'), [...new Set(texts.join(''))].join(''));
      return (window as unknown as { __glyphs: { check(font: string, texts: string[]): GlyphProblem[] } }).__glyphs.check(font, texts);
    },
    { font, texts, load },
  );
}

/**
 * Glyph problems of the text on screen, each string checked in the font its element
 * computes (family stack, weight, style): a stack without the bundled font shows here.
 * The DOM fetches one face per character where chunks overlap, so document.fonts.check
 * (which wants every face whose range meets the text) is not asked here: the bundled
 * font's loaded ranges and the pixels say whether a glyph is there.
 */
export async function screenGlyphProblems(page: Page): Promise<GlyphProblem[]> {
  await page.evaluate(() => document.fonts.ready);
  return page.evaluate(() => {
    const byFont = new Map<string, Set<string>>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (!text || !el || !el.checkVisibility({ visibilityProperty: true })) continue;
      const cs = getComputedStyle(el);
      const font = `${cs.fontStyle} ${cs.fontWeight} 48px ${cs.fontFamily}`;
      if (!byFont.has(font)) byFont.set(font, new Set());
      byFont.get(font)!.add(text);
    }
    const glyphs = (window as unknown as { __glyphs: { check(font: string, texts: string[], askCheck: boolean): GlyphProblem[] } }).__glyphs;
    return [...byFont].flatMap(([font, texts]) => glyphs.check(font, [...texts], false));
  });
}

/** What the games drew on canvases: every fillText/strokeText with its font, and whether its glyphs were loaded at that moment. */
export interface CanvasDraw {
  text: string;
  font: string;
  /** document.fonts.check(font, text) when it was drawn. */
  loaded: boolean;
}

/**
 * Before the page loads: records every string drawn on a 2D canvas (pixi.js draws its
 * Text this way, then uploads it as a texture), and whether the fonts it needs were
 * loaded at that moment. A string drawn before its glyphs arrived stays a box for good.
 */
export async function recordCanvasText(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const draws: { text: string; font: string; loaded: boolean }[] = [];
    (window as unknown as { __canvasText: typeof draws }).__canvasText = draws;
    for (const proto of [CanvasRenderingContext2D.prototype, OffscreenCanvasRenderingContext2D.prototype]) {
      for (const method of ['fillText', 'strokeText'] as const) {
        const original = proto[method] as (this: CanvasRenderingContext2D, text: string, ...rest: number[]) => void;
        proto[method] = function (this: CanvasRenderingContext2D, text: string, ...rest: number[]) {
          const mine = (this.canvas as HTMLCanvasElement | undefined)?.dataset?.glyphCheck === 'yes';
          if (!mine && String(text).trim() !== '') {
            let loaded = true;
            try {
              loaded = document.fonts.check(this.font, String(text));
            } catch {
              loaded = false;
            }
            draws.push({ text: String(text), font: this.font, loaded });
          }
          return original.call(this, text, ...rest);
        } as never;
      }
    }
  });
}

export async function canvasDraws(page: Page): Promise<CanvasDraw[]> {
  return page.evaluate(() => (window as unknown as { __canvasText?: CanvasDraw[] }).__canvasText ?? []);
}
