// Every media file a record points at, with the field that points at it.
import type { Branding } from '../../schema/branding.ts';
import type { GameConfig } from '../../schema/game-config.ts';
import { mediaVariantPaths, type MediaSource } from '../../schema/media-variants.ts';
import type { Playlist } from '../../schema/playlist.ts';
import type { Category, Product } from '../../schema/product.ts';
import type { Promotion } from '../../schema/promotion.ts';

export interface MediaRef {
  field: string;
  path: string;
}

const ref = (field: string, path: string | undefined): MediaRef[] => (path === undefined ? [] : [{ field, path }]);
/** Each file of a reference that may have variants: `image`, or `image.portrait`, `image.en.src`… */
const variants = (field: string, source: MediaSource | undefined): MediaRef[] =>
  mediaVariantPaths(source).map(({ variant, path }) => ({ field: variant ? `${field}.${variant}` : field, path }));
const refs = (field: string, paths: readonly string[]): MediaRef[] => paths.map((path, i) => ({ field: `${field}[${i + 1}]`, path }));

export const brandingMedia = (b: Branding): MediaRef[] => variants('logo', b.logo);
export const categoryMedia = (c: Category): MediaRef[] => ref('icon', c.icon);
export const promotionMedia = (p: Promotion): MediaRef[] => variants('image', p.image);
export const productMedia = (p: Product): MediaRef[] => refs('images', p.images);
export const playlistMedia = (p: Playlist): MediaRef[] => p.items.flatMap((item, i) => variants(`items[${i + 1}].src`, item.src));

export function gameMedia(game: GameConfig): MediaRef[] {
  const theme = [...variants('theme.background', game.theme.background), ...ref('theme.icon', game.theme.icon)];
  switch (game.kind) {
    case 'catch':
      return [...theme, ...refs('goodItems', game.goodItems), ...refs('badItems', game.badItems), ...ref('basket', game.basket)];
    case 'scratch':
      return [...theme, ...ref('cover', game.cover), ...refs('symbols', game.symbols)];
    case 'wheel':
      return theme;
  }
}
