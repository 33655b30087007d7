// Draws the lucky wheel: the pack's segments, a pointer and a spin button. A touch (or
// a pinch of the hand cursor) anywhere spins it; so does the end of the waiting time.
// The prize is asked of the kiosk before the wheel moves, and the spin lands on it.
import { Container, Graphics, Text } from 'pixi.js';
import type { BaseGameSettings, GameContext, PrizeReveal, Unsubscribe } from '../contract.ts';
import type { Outcome, Scene } from '../engine/game-runner.ts';
import { PlayClock } from '../engine/play-clock.ts';
import { progressReporter } from '../engine/progress-reporter.ts';
import type { Stage } from '../engine/stage.ts';
import { GAME_FONT, loadGlyphs } from '../engine/glyphs.ts';
import { sharedTextStyle } from '../engine/text-style.ts';
import { landingRotation, LANDED_MS, segmentFor, segmentUnder, SPIN_MS, spinEase } from './wheel-rules.ts';

export interface WheelSegmentSettings {
  label: string;
  colour: number;
  /** The campaign this segment stands for; null = "try again". */
  prizeId: string | null;
}

export interface WheelSettings extends BaseGameSettings {
  segments: WheelSegmentSettings[];
  /** Text on the hub, in the shopper's language. */
  spinLabel: string;
}

type Phase = 'waiting' | 'deciding' | 'spinning' | 'landed';
const LABEL_FONT = { weight: '700', size: 40 } as const;
const HUB_FONT = { weight: '700', size: 56 } as const;
const LABEL_STYLE = () =>
  sharedTextStyle({ fontFamily: GAME_FONT, fontSize: LABEL_FONT.size, fontWeight: LABEL_FONT.weight, fill: 0xffffff, stroke: { color: 0x000000, width: 4 }, align: 'center', wordWrap: true, breakWords: true, wordWrapWidth: 200 });
const TAU = Math.PI * 2;

export class WheelScene implements Scene {
  private readonly wheel = new Container();
  private readonly highlight = new Graphics();
  private readonly pointer = new Graphics();
  private readonly hub = new Container();
  private readonly clock: PlayClock;
  private readonly report;
  private unsubscribe: Unsubscribe | null = null;
  private phase: Phase = 'waiting';
  private rotation = 0;
  private from = 0;
  private to = 0;
  private phaseMs = 0;
  private landed = -1;
  private lastTick = -1;
  /** World units per wheel unit (the wheel is drawn 1000 units across). */
  private unit = 1;

  constructor(
    private readonly ctx: GameContext<WheelSettings>,
    private readonly stage: Stage,
    private readonly finish: (outcome: Outcome) => void,
    private readonly isOver: () => boolean,
  ) {
    this.clock = new PlayClock(ctx.settings.durationMs);
    this.report = progressReporter(ctx.onProgress);
  }

  async build(): Promise<void> {
    const { theme, segments, spinLabel } = this.ctx.settings;
    // The labels are drawn once into the wheel's texture: their glyphs must be there first.
    await loadGlyphs([LABEL_FONT, HUB_FONT], [...segments.map((s) => s.label), spinLabel]);
    if (this.isOver()) return; // left while loading: the stage is gone
    const radius = 400;
    const size = TAU / segments.length;
    segments.forEach((segment, i) => {
      const start = -Math.PI / 2 + i * size;
      const slice = new Graphics().moveTo(0, 0).arc(0, 0, radius, start, start + size).closePath().fill(segment.colour).stroke({ width: 6, color: 0xffffff });
      const label = new Text({ text: segment.label, style: LABEL_STYLE() });
      label.anchor.set(0.5);
      const mid = start + size / 2;
      label.position.set(Math.cos(mid) * radius * 0.62, Math.sin(mid) * radius * 0.62);
      label.rotation = mid + Math.PI / 2;
      this.wheel.addChild(slice, label);
    });
    this.wheel.addChild(new Graphics().circle(0, 0, radius).stroke({ width: 16, color: theme.accent }));
    // The wheel never changes, it only turns: drawn once into a texture, it costs one quad a frame.
    this.wheel.cacheAsTexture({ resolution: 1, antialias: true });
    this.pointer.poly([-44, -radius - 40, 44, -radius - 40, 0, -radius + 40]).fill(theme.primary).stroke({ width: 6, color: 0xffffff });
    const hubText = new Text({ text: spinLabel, style: sharedTextStyle({ fontFamily: GAME_FONT, fontSize: HUB_FONT.size, fontWeight: HUB_FONT.weight, fill: 0xffffff }) });
    hubText.anchor.set(0.5);
    this.hub.addChild(new Graphics().circle(0, 0, 110).fill(theme.primary).stroke({ width: 10, color: 0xffffff }), hubText);
    this.stage.root.addChild(this.wheel, this.highlight, this.pointer, this.hub);
    this.stage.onResize(() => this.layout());
    this.layout();
    this.report(0, this.clock.remainingMs);
  }

  begin(): void {
    this.unsubscribe = this.ctx.input.subscribe((sample) => {
      if (sample.type === 'down' && this.phase === 'waiting') this.spin();
    });
  }

  update(frameMs: number): void {
    this.phaseMs += frameMs;
    if (this.phase === 'waiting') {
      this.clock.advance(frameMs);
      this.hub.scale.set(this.unit * (1 + 0.06 * Math.sin(this.phaseMs / 180)));
      this.report(0, this.clock.remainingMs);
      if (this.clock.done) this.spin();
    } else if (this.phase === 'spinning') {
      const t = this.phaseMs / SPIN_MS;
      this.rotation = this.from + (this.to - this.from) * spinEase(t);
      const under = segmentUnder(this.rotation, this.ctx.settings.segments.length);
      if (under !== this.lastTick) {
        this.lastTick = under;
        this.ctx.sound.play('spin');
      }
      if (t >= 1) this.land();
    } else if (this.phase === 'landed') {
      this.highlight.alpha = 0.35 + 0.35 * Math.sin(this.phaseMs / 90);
      if (this.phaseMs >= LANDED_MS) this.finish({ score: 0, stats: { segment: this.landed } });
    }
    this.wheel.rotation = this.rotation;
    this.highlight.rotation = this.rotation;
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private spin(): void {
    this.phase = 'deciding';
    this.hub.scale.set(this.unit);
    this.report(0, 0);
    const ask = this.ctx.decidePrize(null).catch((): PrizeReveal => ({ won: false, prizeId: null }));
    void ask.then((reveal) => {
      if (this.isOver()) return;
      const { segments } = this.ctx.settings;
      let target = segmentFor(segments, reveal.won ? reveal.prizeId : null, this.ctx.random);
      if (target < 0) target = segmentFor(segments, null, this.ctx.random);
      if (target < 0) target = 0;
      this.from = this.rotation;
      this.to = landingRotation(this.rotation, target, segments.length, this.ctx.random);
      this.landed = target;
      this.phase = 'spinning';
      this.phaseMs = 0;
    });
  }

  private land(): void {
    this.phase = 'landed';
    this.phaseMs = 0;
    this.rotation = this.to;
    const count = this.ctx.settings.segments.length;
    const size = TAU / count;
    const start = -Math.PI / 2 + this.landed * size;
    this.highlight.clear().moveTo(0, 0).arc(0, 0, 400, start, start + size).closePath().fill(0xffffff);
    this.ctx.sound.play(this.ctx.settings.segments[this.landed]?.prizeId ? 'win' : 'stop');
  }

  private layout(): void {
    const { world } = this.stage.fit;
    this.unit = Math.min(world.width, world.height) / 1000;
    for (const part of [this.wheel, this.highlight, this.pointer, this.hub]) {
      part.position.set(world.width / 2, world.height / 2);
      part.scale.set(this.unit);
    }
  }
}
