// Draws the lucky wheel: the pack's segments, a pointer and a spin button. A touch (or
// a pinch of the hand cursor) anywhere spins it; so does the end of the waiting time.
// The prize is asked of the kiosk before the wheel moves, and the spin lands on it.
import { Container, Graphics, Text } from 'pixi.js';
import { shake } from '../engine/effect-motion.ts';
import { ConfettiBurst, WinLight } from '../engine/effects.ts';
import type { BaseGameSettings, GameContext, PrizeReveal, Unsubscribe } from '../contract.ts';
import type { Outcome, Scene } from '../engine/game-runner.ts';
import { PlayClock } from '../engine/play-clock.ts';
import { progressReporter } from '../engine/progress-reporter.ts';
import type { Stage } from '../engine/stage.ts';
import { GAME_FONT, loadGlyphs } from '../engine/glyphs.ts';
import { sharedTextStyle } from '../engine/text-style.ts';
import { landingRotation, LANDED_MS, POINTER_REACH, segmentFor, segmentUnder, SPIN_MS, spinEase, WHEEL_RADIUS, wheelLayout } from './wheel-rules.ts';

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
const RESULT_FONT = { weight: '700', size: 76 } as const;
/** The result beat: the pointer knocks back as the wheel stops, then the landed label pops out over the hub. */
const KNOCK_MS = 450;
const RESULT_POP_MS = 380;
const CONFETTI_COLOURS = [0xffd54f, 0xff7043, 0x4fc3f7, 0x81c784, 0xf06292, 0xffffff];
const LABEL_STYLE = () =>
  sharedTextStyle({ fontFamily: GAME_FONT, fontSize: LABEL_FONT.size, fontWeight: LABEL_FONT.weight, fill: 0xffffff, stroke: { color: 0x000000, width: 4 }, align: 'center', wordWrap: true, breakWords: true, wordWrapWidth: 200 });
const TAU = Math.PI * 2;

export class WheelScene implements Scene {
  private readonly wheel = new Container();
  private readonly highlight = new Graphics();
  private readonly pointer = new Graphics();
  private readonly hub = new Container();
  private readonly result = new Container();
  private readonly resultCard = new Graphics();
  private resultText: Text | null = null;
  private light: WinLight | null = null;
  private confetti: ConfettiBurst | null = null;
  private won = false;
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
    await loadGlyphs([LABEL_FONT, HUB_FONT, RESULT_FONT], [...segments.map((s) => s.label), spinLabel]);
    if (this.isOver()) return; // left while loading: the stage is gone
    const radius = WHEEL_RADIUS;
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
    // Drawn about its pin at the top, so a knock turns it about the pin.
    this.pointer.poly([-44, 0, 44, 0, 0, 80]).fill(theme.primary).stroke({ width: 6, color: 0xffffff });
    const hubText = new Text({ text: spinLabel, style: sharedTextStyle({ fontFamily: GAME_FONT, fontSize: HUB_FONT.size, fontWeight: HUB_FONT.weight, fill: 0xffffff }) });
    hubText.anchor.set(0.5);
    this.hub.addChild(new Graphics().circle(0, 0, 110).fill(theme.primary).stroke({ width: 10, color: 0xffffff }), hubText);
    this.light = new WinLight(radius * 1.3, theme.accent);
    this.confetti = new ConfettiBurst(90, [theme.primary, theme.accent, ...CONFETTI_COLOURS], this.ctx.random);
    this.resultText = new Text({ text: '', style: sharedTextStyle({ fontFamily: GAME_FONT, fontSize: RESULT_FONT.size, fontWeight: RESULT_FONT.weight, fill: 0xffffff, stroke: { color: 0x000000, width: 6 }, align: 'center', wordWrap: true, breakWords: true, wordWrapWidth: 620 }) });
    this.resultText.anchor.set(0.5);
    this.result.addChild(this.resultCard, this.resultText);
    this.result.visible = false;
    this.stage.root.addChild(this.light.view, this.wheel, this.highlight, this.pointer, this.hub, this.result, this.confetti.view);
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
      this.pointer.rotation = shake(this.phaseMs, KNOCK_MS, 0.35, KNOCK_MS / 1.5);
      const t = Math.min(1, this.phaseMs / RESULT_POP_MS);
      // Overshoots to 1.15 and settles: the result lands with a bump.
      this.result.scale.set(this.unit * (t < 0.7 ? (1.15 * t) / 0.7 : 1.15 - (0.15 * (t - 0.7)) / 0.3));
      this.light?.update(frameMs, this.unit);
      if (this.phaseMs >= LANDED_MS) this.finish({ score: 0, stats: { segment: this.landed } });
    }
    this.confetti?.update(frameMs);
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
    this.highlight.clear().moveTo(0, 0).arc(0, 0, WHEEL_RADIUS, start, start + size).closePath().fill(0xffffff);
    const segment = this.ctx.settings.segments[this.landed];
    this.won = Boolean(segment?.prizeId);
    this.ctx.sound.play(this.won ? 'win' : 'stop');
    this.showResult(segment?.label ?? '', segment?.colour ?? this.ctx.settings.theme.primary);
  }

  /** The result beat: the landed label over the hub; on a prize, light behind the wheel and confetti from its top. */
  private showResult(label: string, colour: number): void {
    const text = this.resultText;
    if (!text) return;
    text.text = label;
    const width = Math.max(360, Math.min(680, text.width + 100));
    const height = Math.max(150, text.height + 50);
    this.resultCard.clear().roundRect(-width / 2, -height / 2, width, height, 36).fill(this.won ? colour : 0x616161).stroke({ width: 10, color: 0xffffff });
    this.result.visible = true;
    this.result.scale.set(0);
    this.hub.visible = false;
    if (!this.won) return;
    this.light?.show();
    const { x, y } = this.wheel.position;
    this.confetti?.burst(x, y - POINTER_REACH * this.unit * 0.6, 60, 1500 * this.unit);
    this.confetti?.burst(x, y, 30, 1100 * this.unit);
  }

  private layout(): void {
    const { x, y, unit } = wheelLayout(this.stage.fit.world);
    this.unit = unit;
    for (const part of [this.wheel, this.highlight, this.hub, this.result]) {
      part.position.set(x, y);
      part.scale.set(unit);
    }
    this.light?.view.position.set(x, y);
    this.pointer.position.set(x, y - POINTER_REACH * unit);
    this.pointer.scale.set(unit);
  }
}
