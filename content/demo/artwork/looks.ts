// How each generated picture looks: which shape, in which colours. Keyed by the file
// name of the product image (media/products/<key>.webp) or game sprite.
import { palette, type Palette } from './palette.ts';
import * as packaged from './shapes/packaged.ts';
import * as produce from './shapes/produce.ts';
import * as protein from './shapes/protein.ts';

export type Shape = (c: Palette) => string;
export interface Look {
  shape: Shape;
  colours: Palette;
}

const look = (shape: Shape, main: string, accent?: string): Look => ({ shape, colours: palette(main, accent) });

export const PRODUCT_LOOKS: Record<string, Look> = {
  'fuji-apple': look(produce.apple, '#d7263d'),
  'gannan-orange': look(produce.citrus, '#f57c00'),
  'dangshan-pear': look(produce.pear, '#d4e157', '#66bb6a'),
  'dandong-strawberry': look(produce.strawberry, '#e53935', '#43a047'),
  'shine-muscat': look(produce.grapes, '#9ccc65', '#558b2f'),
  'hainan-banana': look(produce.banana, '#fdd835'),
  kiwi: look(produce.kiwi, '#7cb342'),
  blueberry: look(produce.berries, '#3949ab'),
  watermelon: look(produce.melonSlice, '#ef5350', '#2e7d32'),
  durian: look(produce.spiky, '#c0ca33'),
  lemon: look(produce.lemon, '#ffee58', '#43a047'),
  'cherry-tomato': look(produce.smallTomatoes, '#f4511e', '#2e7d32'),
  pomelo: look(produce.pomelo, '#dce775', '#388e3c'),
  mango: look(produce.mango, '#ffb300', '#e65100'),
  'bok-choy': look(produce.leafy, '#81c784'),
  spinach: look(produce.spinach, '#2e7d32', '#c62828'),
  carrot: look(produce.carrot, '#fb8c00', '#43a047'),
  potato: look(produce.potato, '#c8a165'),
  tomato: look(produce.tomato, '#e53935', '#388e3c'),
  cucumber: look(produce.cucumber, '#388e3c'),
  broccoli: look(produce.broccoli, '#2e7d32'),
  shiitake: look(produce.mushroom, '#8d6e63'),
  enoki: look(produce.enoki, '#f5f0e1', '#fffde7'),
  corn: look(produce.corn, '#fdd835', '#7cb342'),
  ginger: look(produce.ginger, '#d7b377'),
  'lotus-root': look(produce.lotusRoot, '#e8d5b5'),
  'beef-slices': look(protein.beefRolls, '#c62828'),
  'beef-brisket': look(protein.meatCut, '#b71c1c'),
  'pork-ribs': look(protein.ribs, '#e57373'),
  'chicken-thigh': look(protein.drumstick, '#f0b27a'),
  salmon: look(protein.fillet, '#ff8a65'),
  shrimp: look(protein.shrimp, '#ff7043'),
  'sea-bass': look(protein.fish, '#78909c'),
  hairtail: look(protein.longFish, '#b0bec5'),
  'free-range-eggs': look(protein.eggs, '#f3d9b1', '#a1887f'),
  tofu: look(protein.tofu, '#eeeeee'),
  'fresh-milk': look(packaged.bottle, '#e3f2fd', '#1e88e5'),
  'greek-yogurt': look(packaged.cup, '#1e88e5', '#90caf9'),
  'oat-milk': look(packaged.carton, '#c5a46d', '#6d4c41'),
  butter: look(packaged.block, '#ffe082', '#1565c0'),
  cheese: look(packaged.bag, '#ffca28', '#ffffff'),
  'whole-wheat-toast': look(packaged.loaf, '#b5763a'),
  croissant: look(packaged.croissant, '#e0a048'),
  'egg-tart': look(packaged.tart, '#ffd54f'),
  'steamed-buns': look(packaged.buns, '#fff8e1'),
  cheesecake: look(packaged.cake, '#ffe0a3', '#e53935'),
  rice: look(packaged.sack, '#fff8e1', '#2e7d32'),
  'soy-sauce': look(packaged.tallBottle, '#4e342e', '#d32f2f'),
  'sesame-oil': look(packaged.tallBottle, '#c98b2f', '#5d4037'),
  'olive-oil': look(packaged.tallBottle, '#9e9d24', '#33691e'),
  'hotpot-base': look(packaged.pouch, '#c62828', '#ffca28'),
  'sesame-paste': look(packaged.jar, '#a1887f', '#5d4037'),
  honey: look(packaged.jar, '#ffb300', '#6d4c41'),
  noodles: look(packaged.bag, '#fff3e0', '#ef6c00'),
  'rock-sugar': look(packaged.bag, '#eceff1', '#90a4ae'),
  granola: look(packaged.bag, '#8d6e63', '#ffcc80'),
  'orange-juice': look(packaged.bottle, '#ff9800', '#2e7d32'),
  'coconut-water': look(packaged.can, '#a5d6a7', '#ffffff'),
  'sparkling-water': look(packaged.bottle, '#f8bbd0', '#ec407a'),
  'black-tea': look(packaged.box, '#8e2424', '#ffd54f'),
  'coffee-beans': look(packaged.bag, '#4e342e', '#ffcc80'),
  'potato-chips': look(packaged.bag, '#1e88e5', '#ffeb3b'),
  'mixed-nuts': look(packaged.box, '#a1887f', '#ffe082'),
  'dark-chocolate': look(packaged.bar, '#5d4037', '#b71c1c'),
  'dried-mango': look(packaged.bag, '#ffa000', '#fff176'),
  'yogurt-drink': look(packaged.smallBottles, '#e91e63', '#ffffff'),
};

export const GAME_LOOKS: Record<string, Look> = {
  apple: PRODUCT_LOOKS['fuji-apple']!,
  orange: PRODUCT_LOOKS['gannan-orange']!,
  strawberry: PRODUCT_LOOKS['dandong-strawberry']!,
  grapes: look(produce.grapes, '#8e24aa', '#558b2f'),
  peach: look(produce.apple, '#f8a5a5', '#66bb6a'),
  rotten: look(produce.apple, '#795548', '#5d4037'),
  carrot: PRODUCT_LOOKS.carrot!,
};

/** Product pictures have a soft background in their category's colour. */
export const CATEGORY_COLOURS: Record<string, string> = {
  fruit: '#e8f5e9',
  vegetables: '#f1f8e9',
  'meat-seafood': '#fbe9e7',
  'dairy-bakery': '#fff8e1',
  pantry: '#efebe9',
  'drinks-snacks': '#e3f2fd',
};

export const CATEGORY_ICONS: Record<string, Look> = {
  fruit: PRODUCT_LOOKS['fuji-apple']!,
  vegetables: PRODUCT_LOOKS.broccoli!,
  'meat-seafood': PRODUCT_LOOKS['sea-bass']!,
  'dairy-bakery': PRODUCT_LOOKS['whole-wheat-toast']!,
  pantry: PRODUCT_LOOKS.rice!,
  'drinks-snacks': PRODUCT_LOOKS['orange-juice']!,
};
