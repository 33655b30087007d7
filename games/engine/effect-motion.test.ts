import { describe, expect, it } from 'vitest';
import { CONFETTI_LIFE_MS, ConfettiField, POP_LIFE_MS, PopField, shake } from './effect-motion.ts';

const seeded = (seed: number) => () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;

describe('feedback effects', () => {
  it('confetti bursts upwards, falls back under gravity, and every piece frees its slot when its life is over', () => {
    const field = new ConfettiField(40);
    expect(field.burst(500, 800, 30, 5, seeded(3))).toBe(30);
    expect(field.alive).toBe(30);
    const flying = field.pieces.filter((p) => p.alive);
    field.step(100);
    expect(flying.every((p) => p.y < 800)).toBe(true); // thrown up first
    expect(flying.every((p) => p.colour >= 0 && p.colour < 5)).toBe(true);
    let frames = 0;
    while (field.step(16) > 0) frames++;
    expect(field.alive).toBe(0);
    expect(field.pieces.every((p) => !p.alive)).toBe(true);
    expect(frames * 16).toBeLessThanOrEqual(CONFETTI_LIFE_MS);
  });

  it('a burst reuses freed slots and never grows past its capacity', () => {
    const field = new ConfettiField(20);
    const slots = field.pieces;
    expect(field.burst(0, 0, 50, 3, seeded(1))).toBe(20); // only what fits
    expect(field.burst(0, 0, 5, 3, seeded(2))).toBe(0);
    field.step(CONFETTI_LIFE_MS);
    expect(field.alive).toBe(0);
    expect(field.burst(0, 0, 8, 3, seeded(4))).toBe(8);
    expect(field.pieces).toBe(slots);
    expect(field.pieces).toHaveLength(20);
  });

  it('fades a piece out over the end of its life', () => {
    const field = new ConfettiField(1);
    field.burst(0, 0, 1, 1, () => 0.5);
    const piece = field.pieces[0]!;
    expect(ConfettiField.alpha(piece)).toBe(1);
    piece.ageMs = piece.lifeMs * 0.95;
    expect(ConfettiField.alpha(piece)).toBeGreaterThan(0);
    expect(ConfettiField.alpha(piece)).toBeLessThan(0.2);
  });

  it('a score pop jumps out, rises, fades and ends by itself', () => {
    const pops = new PopField(2);
    const pop = pops.show(1, 300, 1500);
    expect(pops.step(100)).toBe(1);
    const early = PopField.look(pop);
    expect(early.scale).toBeGreaterThan(1); // the jump
    expect(early.alpha).toBe(1);
    pops.step(400);
    const late = PopField.look(pop);
    expect(late.y).toBeLessThan(early.y);
    expect(late.alpha).toBeLessThan(1);
    expect(pops.step(POP_LIFE_MS)).toBe(0);
    expect(pop.alive).toBe(false);
  });

  it('with every pop slot busy, a new pop takes over the oldest instead of allocating', () => {
    const pops = new PopField(2);
    const first = pops.show(0, 1, 1);
    pops.step(200);
    const second = pops.show(0, 2, 2);
    pops.step(100);
    const third = pops.show(1, 3, 3);
    expect(third).toBe(first);
    expect(third).toMatchObject({ label: 1, x: 3, ageMs: 0, alive: true });
    expect(second.alive).toBe(true);
    expect(pops.pops).toHaveLength(2);
  });

  it('a shake swings both ways, dies down, and is still at its start and end', () => {
    expect(shake(0, 300, 20)).toBe(0);
    expect(shake(300, 300, 20)).toBe(0);
    const swings = Array.from({ length: 29 }, (_, i) => shake((i + 1) * 10, 300, 20));
    expect(Math.max(...swings)).toBeGreaterThan(5);
    expect(Math.min(...swings)).toBeLessThan(-5);
    expect(Math.abs(shake(290, 300, 20))).toBeLessThan(Math.abs(Math.max(...swings)));
  });
});
