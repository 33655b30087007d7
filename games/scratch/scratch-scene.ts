// Draws the scratch card: six symbols under a cover the shopper scratches off with a
// finger or the hand cursor (moving over the card scratches; no press needed, so a
// hand in the air can play). The card is dealt only after the kiosk's prize rules
// answered, so what is under the cover is always the real outcome.
//
// The card on screen is one texture, `view`: it starts as the cover, and each brush
// stamp paints the face (symbols included, itself drawn once into `face`) into it. A
// frame draws one card-sized quad instead of a face, six symbols and a cover on top.
// The face texture outlives the card (face-texture.ts says why).
import { Container, Graphics, RenderTexture, Sprite, Text, type Texture } from 'pixi.js';
import type { BaseGameSettings, GameContext, PrizeReveal, Unsubscribe } from '../contract.ts';
import { ConfettiBurst } from '../engine/effects.ts';
import { containScale, coverFit, HUD_BAND } from '../engine/fit-world.ts';
import type { Outcome, Scene } from '../engine/game-runner.ts';
import { PlayClock } from '../engine/play-clock.ts';
import { progressReporter } from '../engine/progress-reporter.ts';
import { GAME_FONT, loadGlyphs } from '../engine/glyphs.ts';
import type { Stage } from '../engine/stage.ts';
import { sharedTextStyle } from '../engine/text-style.ts';
import { TextureBag } from '../engine/textures.ts';
import { clearedShare, createMask, dealCard, matchedSymbol, REVEAL_AT, scratchAt, strokePoints, winningCells, type ScratchMask } from './scratch-rules.ts';
import { faceTexture } from './face-texture.ts';

export interface ScratchSettings extends BaseGameSettings {
  /** Image URLs of the symbols (at least three). */
  symbols: string[];
  cover?: string;
  /** The hint printed on the plain cover, in the shopper's language (a pack's cover image carries its own). */
  coverLabel: string;
}

type Phase = 'waiting' | 'dealing' | 'scratching' | 'revealed';
const CELL = 400;
const BRUSH = 70;
const REVEALED_MS = 1500;
/** A win stays on screen longer: the winning three and the confetti are the moment a shopper came for. */
const WON_MS = 2600;
const CONFETTI_COLOURS = [0xffd54f, 0xff7043, 0x4fc3f7, 0x81c784, 0xf06292];
const COVER_FONT = { weight: '700', size: 72 } as const;

export class ScratchScene implements Scene {
  private readonly textures = new TextureBag();
  private readonly card = new Container();
  private readonly glow = new Graphics();
  /** Veils the cells that are not part of the winning three, so the three stand out. */
  private readonly veil = new Graphics();
  private confetti: ConfettiBurst | null = null;
  private winners: number[] = [];
  /** This frame's brush stamps: circles of the face, painted into the view in one render. */
  private readonly brush = new Graphics();
  private readonly stamps: { x: number; y: number }[] = [];
  private readonly cols: number;
  private readonly rows: number;
  private readonly mask: ScratchMask;
  private readonly clock: PlayClock;
  private readonly report;
  /** What the card shows: the cover, with the face wherever it was scratched. */
  private view: RenderTexture | null = null;
  /** The dealt face: white card, grid and symbols (shared by every card: face-texture.ts). */
  private face: RenderTexture | null = null;
  private faceSprite: Sprite | null = null;
  private symbols: Texture[] = [];
  private deal: number[] = [];
  private phase: Phase = 'waiting';
  private phaseMs = 0;
  private last = new Map<number, { x: number; y: number }>();
  private lastSound = 0;
  private unsubscribe: Unsubscribe | null = null;

  constructor(
    private readonly ctx: GameContext<ScratchSettings>,
    private readonly stage: Stage,
    private readonly finish: (outcome: Outcome) => void,
    private readonly isOver: () => boolean,
  ) {
    const portrait = stage.fit.orientation === 'portrait';
    this.cols = portrait ? 2 : 3;
    this.rows = portrait ? 3 : 2;
    this.mask = createMask({ width: this.cols * CELL, height: this.rows * CELL });
    this.clock = new PlayClock(ctx.settings.durationMs);
    this.report = progressReporter(ctx.onProgress);
  }

  private get cardSize() {
    return { width: this.cols * CELL, height: this.rows * CELL };
  }

  async build(): Promise<void> {
    const s = this.ctx.settings;
    // The cover's label is painted once into the card: its glyphs must be there first.
    const [symbols, cover] = await Promise.all([this.textures.loadAll(s.symbols), s.cover ? this.textures.load(s.cover) : Promise.resolve(null), loadGlyphs([COVER_FONT], [s.coverLabel])]);
    if (this.isOver()) return; // left while loading: the stage is gone
    this.symbols = symbols;
    const { width, height } = this.cardSize;
    const resolution = Math.min(1, this.stage.app.renderer.resolution * Math.max(this.stage.fit.scale, 0.5));
    this.view = RenderTexture.create({ width, height, resolution });
    this.face = faceTexture(width, height, resolution);
    this.paintCover(cover);
    this.card.addChild(new Sprite(this.view), this.veil, this.glow, new Graphics().roundRect(0, 0, width, height, 48).stroke({ width: 12, color: s.theme.primary }));
    this.confetti = new ConfettiBurst(80, [s.theme.primary, s.theme.accent, ...CONFETTI_COLOURS], this.ctx.random);
    this.stage.root.addChild(this.card, this.confetti.view);
    this.stage.onResize(() => this.layout());
    this.layout();
    this.report(0, this.clock.remainingMs);
  }

  begin(): void {
    this.phase = 'dealing';
    const ask = this.ctx.decidePrize(null).catch((): PrizeReveal => ({ won: false, prizeId: null }));
    void ask.then((reveal) => {
      if (this.isOver()) return;
      this.deal = dealCard(reveal.won, this.symbols.length, this.ctx.random);
      this.paintFace();
      this.phase = 'scratching';
      this.unsubscribe = this.ctx.input.subscribe((sample) => {
        if (sample.type === 'up' || sample.type === 'cancel') return void this.last.delete(sample.pointerId);
        this.scratch(sample.pointerId, sample.x, sample.y);
      });
    });
  }

  update(frameMs: number): void {
    this.phaseMs += frameMs;
    this.paintStamps();
    this.confetti?.update(frameMs);
    if (this.phase === 'scratching') {
      this.clock.advance(frameMs);
      const share = clearedShare(this.mask);
      this.report(Math.round(share * 100), this.clock.remainingMs);
      if (share >= REVEAL_AT || this.clock.done) this.reveal();
    } else if (this.phase === 'revealed') {
      const shown = Math.min(1, this.phaseMs / 400);
      if (this.faceSprite) this.faceSprite.alpha = shown;
      this.veil.alpha = shown;
      this.glow.alpha = 0.6 + 0.4 * Math.sin(this.phaseMs / 120);
      if (this.phaseMs >= (this.winners.length > 0 ? WON_MS : REVEALED_MS)) {
        const share = clearedShare(this.mask);
        this.finish({ score: Math.round(share * 100), stats: { scratched: Math.round(share * 100), matched: matchedSymbol(this.deal) === null ? 0 : 1 } });
      }
    }
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.textures.destroy();
    this.brush.destroy({ context: true });
    this.view?.destroy(true);
    this.view = null;
    this.face = null;
  }

  private scratch(pointerId: number, x: number, y: number): void {
    const world = this.stage.toWorld(x, y);
    const local = this.card.toLocal(world, this.stage.root);
    const { width, height } = this.cardSize;
    if (local.x < -BRUSH || local.y < -BRUSH || local.x > width + BRUSH || local.y > height + BRUSH) {
      this.last.delete(pointerId);
      return;
    }
    const point = { x: local.x, y: local.y };
    let fresh = 0;
    for (const p of strokePoints(this.last.get(pointerId) ?? null, point, BRUSH)) {
      fresh += scratchAt(this.mask, p.x, p.y, BRUSH);
      this.stamps.push(p);
    }
    this.last.set(pointerId, point);
    if (fresh > 0 && this.phaseMs - this.lastSound > 90) {
      this.lastSound = this.phaseMs;
      this.ctx.sound.play('scratch');
    }
  }

  /** Pointer events only collect stamps; the GPU work happens once a frame, here. */
  private paintStamps(): void {
    if (this.stamps.length === 0 || !this.view || !this.face) return;
    this.brush.clear();
    for (const p of this.stamps) this.brush.circle(p.x, p.y, BRUSH);
    // The face texture laid over the card's coordinates: each circle shows the face beneath.
    this.brush.fill({ texture: this.face, textureSpace: 'global' });
    this.stamps.length = 0;
    this.stage.app.renderer.render({ container: this.brush, target: this.view, clear: false });
  }

  /** Draws the dealt face (card, grid, symbols) once into its texture. */
  private paintFace(): void {
    const { width, height } = this.cardSize;
    const art = new Container();
    const card = new Graphics().roundRect(0, 0, width, height, 48).fill(0xffffff);
    for (let c = 1; c < this.cols; c++) card.moveTo(c * CELL, 24).lineTo(c * CELL, height - 24);
    for (let r = 1; r < this.rows; r++) card.moveTo(24, r * CELL).lineTo(width - 24, r * CELL);
    card.stroke({ width: 4, color: this.ctx.settings.theme.accent });
    art.addChild(card);
    this.deal.forEach((symbol, i) => {
      const texture = this.symbols[symbol]!;
      const sprite = new Sprite(texture);
      sprite.anchor.set(0.5);
      sprite.scale.set(containScale(texture, { width: CELL * 0.7, height: CELL * 0.7 }));
      sprite.position.set(((i % this.cols) + 0.5) * CELL, (Math.floor(i / this.cols) + 0.5) * CELL);
      art.addChild(sprite);
    });
    this.stage.app.renderer.render({ container: art, target: this.face!, clear: true });
    art.destroy({ children: true, context: true });
  }

  private reveal(): void {
    this.phase = 'revealed';
    this.phaseMs = 0;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.report(Math.round(clearedShare(this.mask) * 100), 0);
    // The rest of the face fades in over the view.
    this.faceSprite = new Sprite(this.face!);
    this.faceSprite.alpha = 0;
    this.card.addChildAt(this.faceSprite, 1);
    this.winners = winningCells(this.deal);
    const won = this.winners.length > 0;
    const cellAt = (i: number) => ({ x: (i % this.cols) * CELL, y: Math.floor(i / this.cols) * CELL });
    this.veil.alpha = 0;
    if (won) {
      // The other cells fade back; the three get a thick pulsing frame and a light wash.
      this.deal.forEach((_, i) => {
        if (this.winners.includes(i)) return;
        const { x, y } = cellAt(i);
        this.veil.rect(x + 4, y + 4, CELL - 8, CELL - 8);
      });
      this.veil.fill({ color: 0xffffff, alpha: 0.7 });
      for (const i of this.winners) {
        const { x, y } = cellAt(i);
        this.glow.roundRect(x + 16, y + 16, CELL - 32, CELL - 32, 36).fill({ color: this.ctx.settings.theme.accent, alpha: 0.18 }).stroke({ width: 22, color: this.ctx.settings.theme.accent });
      }
      const centre = this.card.toGlobal({ x: this.cols * CELL / 2, y: this.rows * CELL / 2 });
      const at = this.stage.root.toLocal(centre);
      this.confetti?.burst(at.x, at.y, 80, 1700);
    }
    this.ctx.sound.play(won ? 'win' : 'lose');
  }

  private paintCover(image: Texture | null): void {
    const { width, height } = this.cardSize;
    const s = this.ctx.settings;
    const art = new Container();
    art.addChild(new Graphics().roundRect(0, 0, width, height, 48).fill(0xb8bcc4));
    if (image) {
      const sprite = new Sprite(image);
      const fit = coverFit(image, { width, height });
      sprite.scale.set(fit.scale);
      sprite.position.set(fit.x, fit.y);
      const clip = new Graphics().roundRect(0, 0, width, height, 48).fill(0xffffff);
      sprite.mask = clip;
      art.addChild(sprite, clip);
    } else {
      // A pack's cover art carries its own hint; the label goes on the plain cover only, so it is never there twice.
      const shine = new Graphics();
      for (let i = -height; i < width; i += 90) shine.moveTo(i, 0).lineTo(i + height, height);
      shine.stroke({ width: 24, color: 0xd4d7dd, alpha: 0.7 });
      const style = sharedTextStyle({ fontFamily: GAME_FONT, fontSize: COVER_FONT.size, fontWeight: COVER_FONT.weight, fill: 0xffffff, stroke: { color: s.theme.primary, width: 8 }, align: 'center', wordWrap: true, breakWords: true, wordWrapWidth: width * 0.8 });
      const label = new Text({ text: s.coverLabel, style });
      label.anchor.set(0.5);
      label.position.set(width / 2, height / 2);
      art.addChild(shine, label);
    }
    this.stage.app.renderer.render({ container: art, target: this.view!, clear: true });
    art.destroy({ children: true, context: true });
  }

  private layout(): void {
    const { world } = this.stage.fit;
    const { width, height } = this.cardSize;
    // Below the kiosk's time and score, centred in the rest.
    const room = world.height - HUD_BAND - 40;
    const scale = Math.min((world.width * 0.86) / width, (room * 0.92) / height);
    this.card.scale.set(scale);
    this.card.position.set((world.width - width * scale) / 2, HUD_BAND + (room - height * scale) / 2);
  }
}
