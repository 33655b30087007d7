// Draws the catch game: falling product images and a basket that follows the shopper's
// pointer (the stage shows the theme's backdrop). The rules in catch-rules.ts decide everything.
import { Container, Graphics, Sprite, type Texture } from 'pixi.js';
import type { BaseGameSettings, GameContext, Unsubscribe } from '../contract.ts';
import { shake } from '../engine/effect-motion.ts';
import { ScorePops } from '../engine/effects.ts';
import { containScale } from '../engine/fit-world.ts';
import type { Outcome, Scene } from '../engine/game-runner.ts';
import { GAME_FONT, loadGlyphs } from '../engine/glyphs.ts';
import { PlayClock } from '../engine/play-clock.ts';
import { progressReporter } from '../engine/progress-reporter.ts';
import type { Stage } from '../engine/stage.ts';
import { sharedTextStyle } from '../engine/text-style.ts';
import { TextureBag } from '../engine/textures.ts';
import { aimBasket, createCatch, ITEM_RADIUS, resizeCatch, stepCatch, type CatchState } from './catch-rules.ts';

export interface CatchSettings extends BaseGameSettings {
  /** Image URLs of things to catch. */
  goodItems: string[];
  /** Image URLs of things to avoid. */
  badItems: string[];
  basket?: string;
}

const BASKET_HEIGHT = 150;
const POP_FONT = { weight: '700', size: 88 } as const;
/** The pops' labels, by index: a catch scores one, a bug costs one. */
const POP_LABELS = ['+1', '−1'] as const;
const CAUGHT = 0;
const HIT = 1;
/** How long the basket reacts: a squash on a catch, a shake and a red flash on a bug. */
const REACTION_MS = 320;
const HIT_TINT = 0xff5a5a;
/** A bug's "−1": a crimson no fruit in a pack is likely to share. */
const HIT_COLOUR = 0xc2185b;

export class CatchScene implements Scene {
  private readonly textures = new TextureBag();
  private readonly itemLayer = new Container();
  private readonly basket = new Container();
  private pops: ScorePops | null = null;
  private reaction: 'caught' | 'hit' | null = null;
  private reactionMs = 0;
  private readonly sprites = new Map<number, Sprite>();
  private readonly spare: Sprite[] = [];
  private readonly alive = new Set<number>();
  private good: Texture[] = [];
  private bad: Texture[] = [];
  private readonly state: CatchState;
  private readonly clock: PlayClock;
  private readonly report;
  private unsubscribe: Unsubscribe | null = null;

  constructor(
    private readonly ctx: GameContext<CatchSettings>,
    private readonly stage: Stage,
    private readonly finish: (outcome: Outcome) => void,
    private readonly isOver: () => boolean,
  ) {
    const s = ctx.settings;
    this.state = createCatch(stage.fit.world, { difficulty: s.difficulty, goodImages: s.goodItems.length, badImages: s.badItems.length });
    this.clock = new PlayClock(s.durationMs);
    this.report = progressReporter(ctx.onProgress);
  }

  async build(): Promise<void> {
    const s = this.ctx.settings;
    const [good, bad, basket] = await Promise.all([
      this.textures.loadAll(s.goodItems),
      this.textures.loadAll(s.badItems),
      s.basket ? this.textures.load(s.basket) : Promise.resolve(null),
      loadGlyphs([POP_FONT], POP_LABELS),
    ]);
    if (this.isOver()) return; // left while loading: the stage is gone
    this.good = good;
    this.bad = bad;
    if (basket) {
      const sprite = new Sprite(basket);
      sprite.anchor.set(0.5, 0);
      sprite.scale.set(containScale(basket, { width: 360, height: BASKET_HEIGHT }));
      this.basket.addChild(sprite);
    } else {
      this.basket.addChild(new Graphics());
    }
    const popStyle = (fill: number) => sharedTextStyle({ fontFamily: GAME_FONT, fontSize: POP_FONT.size, fontWeight: POP_FONT.weight, fill, stroke: { color: 0xffffff, width: 10 } });
    this.pops = new ScorePops(POP_LABELS.map((text, i) => ({ text, style: popStyle(i === CAUGHT ? s.theme.primary : HIT_COLOUR) })));
    this.stage.root.addChild(this.itemLayer, this.basket, this.pops.view);
    this.stage.onResize((fit) => {
      resizeCatch(this.state, fit.world);
      this.layout();
    });
    this.layout();
    this.draw();
    this.report(0, this.clock.remainingMs);
  }

  begin(): void {
    this.unsubscribe = this.ctx.input.subscribe((sample) => {
      if (sample.type === 'cancel') return;
      aimBasket(this.state, this.stage.toWorld(sample.x, sample.y).x);
    });
  }

  update(frameMs: number): void {
    const step = this.clock.advance(frameMs);
    for (const event of stepCatch(this.state, step, this.ctx.random)) {
      if (event.type === 'missed') continue;
      this.ctx.sound.play(event.type === 'caught' ? 'good' : 'bad');
      this.pops?.show(event.type === 'caught' ? CAUGHT : HIT, event.item.x, this.state.basket.y - ITEM_RADIUS);
      this.reaction = event.type;
      this.reactionMs = 0;
    }
    this.reactionMs += frameMs;
    this.pops?.update(frameMs);
    this.draw();
    this.report(this.state.score, this.clock.remainingMs);
    if (this.clock.done) {
      const { score, caught, missed, hits } = this.state;
      this.finish({ score, stats: { caught, missed, hits } });
    }
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.textures.destroy();
  }

  private layout(): void {
    const drawn = this.basket.children[0];
    if (drawn instanceof Graphics) {
      const w = this.state.basket.width;
      const colours = this.ctx.settings.theme;
      drawn.clear()
        .roundRect(-w / 2, 0, w, BASKET_HEIGHT, 36).fill(colours.primary)
        .roundRect(-w / 2 - 12, -8, w + 24, 36, 18).fill(colours.accent);
    } else if (drawn instanceof Sprite) {
      drawn.scale.set(containScale(drawn.texture, { width: this.state.basket.width, height: BASKET_HEIGHT }));
    }
  }

  /** The basket answers what fell in: a springy squash for a catch, a red shake for a bug. */
  private react(): void {
    const reacting = this.reaction !== null && this.reactionMs < REACTION_MS;
    if (!reacting) {
      this.reaction = null;
      this.basket.scale.set(1);
      this.basket.tint = 0xffffff;
      return;
    }
    if (this.reaction === 'caught') {
      const squash = shake(this.reactionMs, REACTION_MS, 0.12, REACTION_MS);
      this.basket.scale.set(1 + squash, 1 - squash);
      this.basket.tint = 0xffffff;
    } else {
      this.basket.x += shake(this.reactionMs, REACTION_MS, 28);
      this.basket.scale.set(1);
      this.basket.tint = HIT_TINT;
    }
  }

  private draw(): void {
    const { items, basket } = this.state;
    this.basket.position.set(basket.x, basket.y);
    this.react();
    const alive = this.alive;
    alive.clear();
    for (const item of items) {
      alive.add(item.id);
      let sprite = this.sprites.get(item.id);
      if (!sprite) {
        const texture = (item.good ? this.good : this.bad)[item.image] ?? this.good[0]!;
        sprite = this.spare.pop() ?? new Sprite();
        sprite.texture = texture;
        sprite.anchor.set(0.5);
        sprite.scale.set(containScale(texture, { width: ITEM_RADIUS * 2, height: ITEM_RADIUS * 2 }));
        sprite.visible = true;
        this.itemLayer.addChild(sprite);
        this.sprites.set(item.id, sprite);
      }
      sprite.position.set(item.x, item.y);
    }
    for (const [id, sprite] of this.sprites) {
      if (alive.has(id)) continue;
      this.sprites.delete(id);
      sprite.visible = false;
      this.spare.push(sprite);
    }
  }
}
