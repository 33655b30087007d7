// The games' feedback effects drawn with pixi: a confetti burst, score pops and a
// win light. Every display object is made once when the scene builds (confetti are
// tinted sprites of pixi's shared white texture, so a burst is one batched draw; pops
// are a few texts per label, made once) and lives in the session's world, so the
// stage's teardown destroys them with it. Nothing is allocated while a game plays.
import { Container, Graphics, Sprite, Text, Texture, type TextStyle } from 'pixi.js';
import { ConfettiField, PopField, type PopLook } from './effect-motion.ts';

const CONFETTI_SIZE = { width: 36, height: 20 };

export class ConfettiBurst {
  readonly view = new Container();
  private readonly field: ConfettiField;
  private readonly sprites: Sprite[];

  constructor(
    capacity: number,
    private readonly colours: readonly number[],
    private readonly random: () => number,
  ) {
    this.field = new ConfettiField(capacity);
    this.sprites = this.field.pieces.map(() => {
      const sprite = new Sprite(Texture.WHITE);
      sprite.anchor.set(0.5);
      sprite.setSize(CONFETTI_SIZE.width, CONFETTI_SIZE.height);
      sprite.visible = false;
      return sprite;
    });
    this.view.addChild(...this.sprites);
  }

  /** Pieces still in the air. */
  get alive(): number {
    return this.field.alive;
  }

  burst(x: number, y: number, count: number, speed?: number): void {
    this.field.burst(x, y, count, this.colours.length, this.random, speed);
  }

  update(frameMs: number): void {
    if (this.field.alive === 0) return;
    this.field.step(frameMs);
    const { pieces } = this.field;
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      const sprite = this.sprites[i]!;
      sprite.visible = p.alive;
      if (!p.alive) continue;
      sprite.position.set(p.x, p.y);
      sprite.rotation = p.angle;
      sprite.tint = this.colours[p.colour]!;
      sprite.alpha = ConfettiField.alpha(p);
    }
  }
}

/** Score pops: each label ("+1", "−1") is made into a few texts once; a pop shows a free one. */
export class ScorePops {
  readonly view = new Container();
  private readonly field: PopField;
  /** One text per label for every slot (a slot may show any label): texts[slot * labels + label]. */
  private readonly texts: Text[];
  private readonly labels: number;

  constructor(labels: readonly { text: string; style: TextStyle }[], perLabel = 4) {
    this.field = new PopField(labels.length * perLabel);
    this.labels = labels.length;
    this.texts = this.field.pops.flatMap(() =>
      labels.map(({ text, style }) => {
        const t = new Text({ text, style });
        t.anchor.set(0.5);
        t.visible = false;
        return t;
      }),
    );
    this.view.addChild(...this.texts);
  }

  show(label: number, x: number, y: number): void {
    this.field.show(label, x, y);
  }

  private readonly look: PopLook = { y: 0, scale: 1, alpha: 1 };

  update(frameMs: number): void {
    this.field.step(frameMs);
    const { pops } = this.field;
    for (let i = 0; i < pops.length; i++) {
      const p = pops[i]!;
      for (let l = 0; l < this.labels; l++) {
        const text = this.texts[i * this.labels + l]!;
        const on = p.alive && p.label === l;
        text.visible = on;
        if (!on) continue;
        const look = PopField.look(p, this.look);
        text.position.set(p.x, look.y);
        text.scale.set(look.scale);
        text.alpha = look.alpha;
      }
    }
  }
}

/** A burst of light: rays drawn once, turning slowly and breathing while shown. */
export class WinLight {
  readonly view = new Graphics();
  private ageMs = 0;
  private shown = false;

  constructor(radius: number, colour: number, rays = 16) {
    const step = (Math.PI * 2) / rays;
    for (let i = 0; i < rays; i++) {
      const a = i * step;
      this.view.moveTo(0, 0).lineTo(Math.cos(a - step / 4) * radius, Math.sin(a - step / 4) * radius).lineTo(Math.cos(a + step / 4) * radius, Math.sin(a + step / 4) * radius).closePath();
    }
    this.view.fill({ color: colour, alpha: 0.55 });
    this.view.circle(0, 0, radius * 0.42).fill({ color: 0xffffff, alpha: 0.5 });
    this.view.visible = false;
  }

  show(): void {
    this.shown = true;
    this.ageMs = 0;
    this.view.visible = true;
  }

  update(frameMs: number, baseScale: number): void {
    if (!this.shown) return;
    this.ageMs += frameMs;
    const grow = Math.min(1, this.ageMs / 300);
    this.view.scale.set(baseScale * grow * (1 + 0.05 * Math.sin(this.ageMs / 160)));
    this.view.rotation = this.ageMs / 2400;
    this.view.alpha = grow;
  }
}
