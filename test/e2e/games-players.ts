// Players for the catch game that look at the screen, as a person does: where the
// basket is, where the fruit falls. Used by the kiosk's games tests and by the seeded
// catch test on the bare games page. Colours are the games fixture pack's.
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { BASKET_RIM_FROM_BOTTOM } from '../../games/catch/catch-rules.ts';
import { fitWorld } from '../../games/engine/fit-world.ts';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The fixture catch game's primary colour (#1b7f3b), which the drawn basket is filled with. */
const BASKET = [0x1b, 0x7f, 0x3b] as const;
/** Fruit in the fixture pack is red (#d62828) or orange (#f77f00); nothing else on screen is. */
const isFruit = (r: number, g: number, b: number) => r > 180 && g < 150 && b < 80;
const isBasket = (r: number, g: number, b: number) => Math.abs(r - BASKET[0]) < 25 && Math.abs(g - BASKET[1]) < 18 && Math.abs(b - BASKET[2]) < 25;

async function pixels(page: Page, clip: Box) {
  const shot = await page.screenshot({ clip });
  return sharp(shot).raw().toBuffer({ resolveWithObject: true });
}

/**
 * The basket's centre on screen (CSS px, page coordinates), from the pixels of its body:
 * a strip well inside it, below the rim and above its bottom. Null when it is not seen.
 */
export async function basketX(page: Page, canvas: Box): Promise<number | null> {
  const fit = fitWorld({ width: canvas.width, height: canvas.height });
  const rim = canvas.y + (fit.world.height - BASKET_RIM_FROM_BOTTOM) * fit.scale;
  const band = { x: canvas.x, y: rim + 60 * fit.scale, width: canvas.width, height: 60 * fit.scale };
  const { data, info } = await pixels(page, band);
  let sum = 0;
  let count = 0;
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * info.channels;
      if (isBasket(data[i]!, data[i + 1]!, data[i + 2]!)) {
        sum += x;
        count++;
      }
    }
  }
  // A falling item can cross the strip, but never in the basket's colour; a handful of pixels is noise.
  if (count < info.height * 4) return null;
  return band.x + (sum / count) * (band.width / info.width);
}

/**
 * Plays the catch game as a person would: looks at the screen above the basket and
 * moves the pointer under the lowest piece of fruit, until `done` says the game ended.
 */
export async function chaseFruit(page: Page, canvas: Box, done: () => Promise<boolean>): Promise<void> {
  const band = { x: canvas.x, y: canvas.y + canvas.height * 0.35, width: canvas.width, height: canvas.height * 0.4 };
  let pointerX = canvas.x + canvas.width / 2;
  while (!(await done())) {
    const { data, info } = await pixels(page, band);
    let lowest = -1;
    let sumX = 0;
    let count = 0;
    for (let y = info.height - 1; y >= 0 && lowest < 0; y -= 2) {
      for (let x = 0; x < info.width; x += 2) {
        const i = (y * info.width + x) * info.channels;
        if (isFruit(data[i]!, data[i + 1]!, data[i + 2]!)) {
          sumX += x;
          count++;
        }
      }
      if (count > 3) lowest = y;
      else {
        sumX = 0;
        count = 0;
      }
    }
    if (lowest >= 0) pointerX = band.x + (sumX / count) * (band.width / info.width);
    await page.mouse.move(pointerX, canvas.y + canvas.height * 0.8, { steps: 2 });
  }
}
