// Draws the catch game: falling product images and a basket that follows the shopper's
// pointer (the stage shows the theme's backdrop). The rules in catch-rules.ts decide everything.
import { Container, Graphics, Sprite, type Texture } from 'pixi.js';
import type { BaseGameSettings, GameContext, Unsubscribe } from '../contract.ts';
import { containScale } from '../engine/fit-world.ts';
import type { Outcome, Scene } from '../engine/game-runner.ts';
import { PlayClock } from '../engine/play-clock.ts';
import { progressReporter } from '../engine/progress-reporter.ts';
import type { Stage } from '../engine/stage.ts';
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

export class CatchScene implements Scene {
  private readonly textures = new TextureBag();
  private readonly itemLayer = new Container();
  private readonly basket = new Container();
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
    this.stage.root.addChild(this.itemLayer, this.basket);
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
      if (event.type === 'caught') this.ctx.sound.play('good');
      else if (event.type === 'hit') this.ctx.sound.play('bad');
    }
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

  private draw(): void {
    const { items, basket } = this.state;
    this.basket.position.set(basket.x, basket.y);
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
