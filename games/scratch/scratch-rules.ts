// The scratch card's rules over plain data: dealing a card that shows the outcome the
// kiosk's prize rules chose (three of a kind wins), and tracking how much of the cover
// the shopper has scratched off.
import type { Size } from '../contract.ts';

export const CARD_CELLS = 6;
/** Matching this many symbols wins. */
export const MATCH = 3;
/** The card reveals itself once this share of the cover is scratched. */
export const REVEAL_AT = 0.6;

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Six symbols (indexes into the pack's symbol images): exactly one symbol three times
 * when `win`, otherwise no symbol more than twice. Needs at least three symbols.
 */
export function dealCard(win: boolean, symbolCount: number, random: () => number): number[] {
  if (symbolCount < 3) throw new RangeError('a scratch card needs at least 3 symbols');
  const winner = win ? Math.min(symbolCount - 1, Math.floor(random() * symbolCount)) : -1;
  const pool: number[] = [];
  for (let s = 0; s < symbolCount; s++) if (s !== winner) pool.push(s, s);
  shuffle(pool, random);
  const cells = win ? [winner, winner, winner, ...pool.slice(0, CARD_CELLS - MATCH)] : pool.slice(0, CARD_CELLS);
  return shuffle(cells, random);
}

/** The symbol that appears three times, or null. */
export function matchedSymbol(card: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const s of card) counts.set(s, (counts.get(s) ?? 0) + 1);
  for (const [symbol, count] of counts) if (count >= MATCH) return symbol;
  return null;
}

/** The cells (indexes into the card) that show the winning three, in order; empty on a card that does not win. */
export function winningCells(card: readonly number[]): number[] {
  const winner = matchedSymbol(card);
  const cells: number[] = [];
  if (winner === null) return cells;
  card.forEach((symbol, i) => {
    if (symbol === winner) cells.push(i);
  });
  return cells;
}

/** Which part of the cover is gone, on a grid of small squares over the card. */
export interface ScratchMask {
  cols: number;
  rows: number;
  cell: number;
  cleared: Uint8Array;
  clearedCount: number;
}

export function createMask(card: Size, cell = 25): ScratchMask {
  const cols = Math.ceil(card.width / cell);
  const rows = Math.ceil(card.height / cell);
  return { cols, rows, cell, cleared: new Uint8Array(cols * rows), clearedCount: 0 };
}

/** Clears the squares whose centre is within `radius` of (x, y) in card units; returns how many were new. */
export function scratchAt(mask: ScratchMask, x: number, y: number, radius: number): number {
  const { cell, cols, rows } = mask;
  let fresh = 0;
  const c0 = Math.max(0, Math.floor((x - radius) / cell));
  const c1 = Math.min(cols - 1, Math.floor((x + radius) / cell));
  const r0 = Math.max(0, Math.floor((y - radius) / cell));
  const r1 = Math.min(rows - 1, Math.floor((y + radius) / cell));
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const dx = (c + 0.5) * cell - x;
      const dy = (r + 0.5) * cell - y;
      const i = r * cols + c;
      if (dx * dx + dy * dy <= radius * radius && mask.cleared[i] === 0) {
        mask.cleared[i] = 1;
        fresh++;
      }
    }
  }
  mask.clearedCount += fresh;
  return fresh;
}

/** Points along a stroke, close enough for a brush of `radius` to leave no gaps. */
export function strokePoints(from: { x: number; y: number } | null, to: { x: number; y: number }, radius: number): { x: number; y: number }[] {
  if (!from) return [to];
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const steps = Math.max(1, Math.ceil(length / (radius / 2)));
  return Array.from({ length: steps }, (_, i) => {
    const t = (i + 1) / steps;
    return { x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t };
  });
}

export const clearedShare = (mask: ScratchMask): number => mask.clearedCount / mask.cleared.length;
