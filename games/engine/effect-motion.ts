// How the games' feedback effects move, over plain numbers: confetti pieces that burst,
// fall and fade, and score pops that rise and fade. Both keep a fixed set of slots made
// once per session: a burst reuses slots whose effect ended, so play allocates nothing
// and an effect frees its slot by itself when it is over. The scene only draws them.

export interface ConfettiPiece {
  alive: boolean;
  x: number;
  y: number;
  vx: number;
  vy: number;
  angle: number;
  spin: number;
  ageMs: number;
  lifeMs: number;
  /** Index into the burst's colours. */
  colour: number;
}

/** World units per second² pulling confetti down. */
export const CONFETTI_GRAVITY = 1400;
export const CONFETTI_LIFE_MS = 1800;

export class ConfettiField {
  readonly pieces: ConfettiPiece[];
  private live = 0;

  constructor(capacity: number) {
    this.pieces = Array.from({ length: capacity }, () => ({ alive: false, x: 0, y: 0, vx: 0, vy: 0, angle: 0, spin: 0, ageMs: 0, lifeMs: 0, colour: 0 }));
  }

  get alive(): number {
    return this.live;
  }

  /** Throws up to `count` pieces from (x, y) in world units, fanned upwards; returns how many flew (fewer when every slot is busy). */
  burst(x: number, y: number, count: number, colours: number, random: () => number, speed = 1400): number {
    let spawned = 0;
    for (const p of this.pieces) {
      if (spawned >= count) break;
      if (p.alive) continue;
      const direction = -Math.PI / 2 + (random() - 0.5) * Math.PI * 0.9;
      const v = speed * (0.45 + 0.55 * random());
      p.alive = true;
      p.x = x;
      p.y = y;
      p.vx = Math.cos(direction) * v;
      p.vy = Math.sin(direction) * v;
      p.angle = random() * Math.PI;
      p.spin = (random() - 0.5) * 16;
      p.ageMs = 0;
      p.lifeMs = CONFETTI_LIFE_MS * (0.7 + 0.3 * random());
      p.colour = Math.min(colours - 1, Math.floor(random() * colours));
      spawned++;
    }
    this.live += spawned;
    return spawned;
  }

  /** Moves every piece by `dtMs`; a piece whose life is over frees its slot. Returns how many are still flying. */
  step(dtMs: number): number {
    if (this.live === 0) return 0;
    const dt = dtMs / 1000;
    const drag = Math.max(0, 1 - 1.6 * dt);
    for (const p of this.pieces) {
      if (!p.alive) continue;
      p.ageMs += dtMs;
      if (p.ageMs >= p.lifeMs) {
        p.alive = false;
        this.live--;
        continue;
      }
      p.vx *= drag;
      p.vy = p.vy * drag + CONFETTI_GRAVITY * dt;
      p.x += p.vx * dt;
      p.y += p.vy * dt;
      p.angle += p.spin * dt;
    }
    return this.live;
  }

  /** Fully opaque for most of its life, fading out over the last third. */
  static alpha(p: ConfettiPiece): number {
    return Math.min(1, Math.max(0, (p.lifeMs - p.ageMs) / (p.lifeMs / 3)));
  }

  clear(): void {
    for (const p of this.pieces) p.alive = false;
    this.live = 0;
  }
}

export interface Pop {
  alive: boolean;
  /** Which of the scene's pop labels ("+1", "−1") it shows. */
  label: number;
  x: number;
  y: number;
  ageMs: number;
}

export interface PopLook {
  y: number;
  scale: number;
  alpha: number;
}

export const POP_LIFE_MS = 700;
/** World units a pop rises over its life. */
export const POP_RISE = 140;

export class PopField {
  readonly pops: Pop[];

  constructor(capacity: number) {
    this.pops = Array.from({ length: capacity }, () => ({ alive: false, label: 0, x: 0, y: 0, ageMs: 0 }));
  }

  /** Shows a pop at (x, y); when all slots are busy the oldest one is taken over. */
  show(label: number, x: number, y: number): Pop {
    let slot = this.pops.find((p) => !p.alive);
    if (!slot) slot = this.pops.reduce((oldest, p) => (p.ageMs > oldest.ageMs ? p : oldest));
    slot.alive = true;
    slot.label = label;
    slot.x = x;
    slot.y = y;
    slot.ageMs = 0;
    return slot;
  }

  step(dtMs: number): number {
    let live = 0;
    for (const p of this.pops) {
      if (!p.alive) continue;
      p.ageMs += dtMs;
      if (p.ageMs >= POP_LIFE_MS) p.alive = false;
      else live++;
    }
    return live;
  }

  /** Where a pop is drawn and how: it jumps to 1.3x, settles to 1x, rises and fades over its last half. Written into `into` (no allocation a frame). */
  static look(p: Pop, into: PopLook = { y: 0, scale: 1, alpha: 1 }): PopLook {
    const t = Math.min(1, p.ageMs / POP_LIFE_MS);
    into.scale = t < 0.15 ? 0.6 + (0.7 * t) / 0.15 : 1.3 - 0.3 * Math.min(1, (t - 0.15) / 0.2);
    into.y = p.y - POP_RISE * (1 - (1 - t) ** 2);
    into.alpha = t < 0.5 ? 1 : 1 - (t - 0.5) / 0.5;
    return into;
  }
}

/** A short bump for a reaction (a basket hit, a pointer settling): 0 at start and end, `amplitude` swings between, decaying. */
export function shake(ageMs: number, lifeMs: number, amplitude: number, periodMs = 60): number {
  if (ageMs <= 0 || ageMs >= lifeMs) return 0;
  return amplitude * (1 - ageMs / lifeMs) * Math.sin((ageMs / periodMs) * Math.PI * 2);
}
